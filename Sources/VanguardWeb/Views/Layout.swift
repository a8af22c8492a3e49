import Plot
import VanguardCore

/// What every page's frame needs to know about the running site.
struct PageContext: Sendable {
    /// True when the NHS.UK frontend assets were fetched at set-up; otherwise only the plain stylesheet is linked.
    var hasNHSUKAssets: Bool
    var currentPath: String = "/"
    /// The signed-in person's name, for the header; nil when nobody is signed in.
    var signedInAs: String? = nil
    var isProgrammeTeam = false
    /// The signed-in person's roles, so pages offer only the actions the matrix allows them.
    var grants: [RoleGrant]? = nil

    func allows(_ action: Action, on scope: Scope? = nil) -> Bool {
        PermissionMatrix.allows(grants, action, on: scope)
    }
    /// The token every form on the page carries (see CSRFMiddleware).
    var csrfToken: String = ""
}

/// The NHS.UK page frame: header with the service name and navigation, a main column, a footer.
enum Layout {
    // "Find your local vanguard" is the site's one search box, in the header, so it is not repeated here.
    static let navigation: [(title: String, url: SiteURL)] = [
        ("At a glance", .home),
        ("Vanguards", .vanguards),
        ("Map", .map),
        ("National view", .national),
        ("Impact", .impact),
        ("Calls", .calls),
        ("Funding", .funding),
        ("Learning", .learning(.home)),
        ("Organisations", .organisations),
    ]

    static func document(
        title: String, context: PageContext, breadcrumbs: [(String, SiteURL)] = [], feeds: [(title: String, url: SiteURL)] = [],
        body: Node<HTML.BodyContext>
    ) -> HTML {
        HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's `.title` also writes og:title and twitter:title metas with the text unescaped
                // inside an attribute, and titles carry people's words (a search, a post's title).
                .element(named: "title", nodes: [.text("\(title) – Vanguard")]),
                .if(context.hasNHSUKAssets, .stylesheet(SiteURL.asset("vendor/nhsuk-frontend.min.css").path)),
                .stylesheet(SiteURL.asset("site.css").path),
                .link(.rel(.icon), .safeAttribute(named: "href", value: SiteURL.asset("favicon.svg").path), .type("image/svg+xml")),
                // Feed readers find a page's feeds from these (RFC 4287 autodiscovery).
                .forEach(feeds) { feed in
                    .link(
                        .rel(.alternate), .type("application/atom+xml"), .safeAttribute(named: "title", value: feed.title),
                        .safeAttribute(named: "href", value: feed.url.path))
                },
                .if(
                    context.hasNHSUKAssets,
                    .element(
                        named: "script",
                        nodes: [
                            .safeAttribute(named: "type", value: "module"),
                            .safeAttribute(named: "src", value: SiteURL.asset("app.js").path),
                        ]))
            ),
            .body(
                .class("nhsuk-frontend-supported"),
                .a(.class("nhsuk-skip-link"), .safeHref("#maincontent"), .text("Skip to main content")),
                header(context: context),
                .div(
                    .class("nhsuk-width-container"),
                    .if(!breadcrumbs.isEmpty, breadcrumbTrail(breadcrumbs)),
                    .main(
                        // Focusable by script only, so the skip link moves focus (not just the view) to it.
                        .class("nhsuk-main-wrapper"), .id("maincontent"), .safeAttribute(named: "tabindex", value: "-1"),
                        body
                    )
                ),
                footer()
            )
        )
    }

    static func header(context: PageContext) -> Node<HTML.BodyContext> {
        .header(
            .class("nhsuk-header"),
            .div(
                .class("nhsuk-header__container nhsuk-width-container"),
                .div(
                    .class("nhsuk-header__service"),
                    .a(
                        .class("nhsuk-header__service-logo"), .safeHref(SiteURL.home.path),
                        .span(.class("nhsuk-header__service-name"), .text("Vanguard")),
                        .span(.class("vg-header__tagline"), .text(" new models of care, live"))
                    )
                ),
                .form(
                    .class("nhsuk-header__search-form vg-header__search"), .action(SiteURL.search.path), .method(.get),
                    .safeAttribute(named: "role", value: "search"),
                    .label(.class("vg-header__search-label"), .for("header-search"), .text("Find your local vanguard, or search")),
                    // A visible label rather than hint text inside the box, as the NHS.UK design system advises.
                    .input(
                        .class("nhsuk-header__search-input nhsuk-input"), .id("header-search"), .name("q"), .type(.search),
                        .safeAttribute(
                            named: "aria-label", value: "Search vanguards, councils, areas, ICBs, organisations, posts and case studies")),
                    .button(.class("nhsuk-header__search-submit"), .type(.submit), .text("Search"))
                ),
                accountLinks(context)
            ),
            .nav(
                .class("nhsuk-header__navigation"), .ariaLabel("Menu"),
                .div(
                    .class("nhsuk-header__navigation-container nhsuk-width-container"),
                    .ul(
                        .class("nhsuk-header__navigation-list"),
                        .forEach(navigation) { item in
                            .li(
                                .class("nhsuk-header__navigation-item"),
                                .a(
                                    .class("nhsuk-header__navigation-link"), .safeHref(item.url.path),
                                    .if(
                                        isCurrent(item.url, path: context.currentPath), .safeAttribute(named: "aria-current", value: "page")
                                    ),
                                    .text(item.title)
                                )
                            )
                        }
                    )
                )
            )
        )
    }

    static func accountLinks(_ context: PageContext) -> Node<HTML.BodyContext> {
        .div(
            .class("vg-header__account"),
            .unwrap(
                context.signedInAs,
                { name in
                    .group(
                        .a(.safeHref(SiteURL.account.path), .text(name)),
                        .if(
                            context.allows(.assess) && !context.isProgrammeTeam,
                            .group(.text(" · "), .a(.safeHref(SiteURL.assessments.path), .text("Assessments")))),
                        .if(
                            context.isProgrammeTeam,
                            .group(
                                .text(" · "), .a(.safeHref(SiteURL.adminUsers.path), .text("Accounts")),
                                .text(" · "), .a(.safeHref(SiteURL.audit.path), .text("Audit log")),
                                .text(" · "), .a(.safeHref(SiteURL.jobs.path), .text("Jobs"))
                            )),
                        .form(
                            .class("vg-inline-form"), .action(SiteURL.signOut.path), .method(.post),
                            Forms.csrfField(context.csrfToken),
                            .button(.class("vg-link-button"), .type(.submit), .text("Sign out"))
                        )
                    )
                },
                else: .group(
                    .a(.safeHref(SiteURL.signIn.path), .text("Sign in")),
                    .text(" · "),
                    .a(.safeHref(SiteURL.signUp.path), .text("Create an account"))
                ))
        )
    }

    static func isCurrent(_ url: SiteURL, path: String) -> Bool {
        url == .home ? path == "/" : path.hasPrefix(url.path)
    }

    static func breadcrumbTrail(_ crumbs: [(String, SiteURL)]) -> Node<HTML.BodyContext> {
        .nav(
            .class("nhsuk-breadcrumb"), .ariaLabel("Breadcrumb"),
            .ol(
                .class("nhsuk-breadcrumb__list"),
                .forEach(crumbs) { crumb in
                    .li(
                        .class("nhsuk-breadcrumb__list-item"), .a(.class("nhsuk-breadcrumb__link"), .safeHref(crumb.1.path), .text(crumb.0))
                    )
                }
            )
        )
    }

    static func footer() -> Node<HTML.BodyContext> {
        .footer(
            .div(
                .class("nhsuk-footer"),
                .div(
                    .class("nhsuk-width-container"),
                    .ul(
                        .class("nhsuk-footer__list"),
                        .li(
                            .class("nhsuk-footer__list-item"),
                            .a(
                                .class("nhsuk-footer__list-item-link"), .safeHref(SiteURL.dataSources.path),
                                .text("Data sources and licences"))),
                        .li(
                            .class("nhsuk-footer__list-item"),
                            .a(.class("nhsuk-footer__list-item-link"), .safeHref(SiteURL.api(.openAPI).path), .text("API (OpenAPI 3.1)"))),
                        .li(
                            .class("nhsuk-footer__list-item"),
                            .a(.class("nhsuk-footer__list-item-link"), .safeHref(SiteURL.healthz.path), .text("Service health"))),
                        .li(
                            .class("nhsuk-footer__list-item"),
                            .a(.class("nhsuk-footer__list-item-link"), .safeHref(SiteURL.permissions.path), .text("Who may do what")))
                    ),
                    .p(
                        .class("nhsuk-footer__copyright"),
                        .text("Contains ONS data © Crown copyright and database right. Vanguard is open-source software."))
                )
            )
        )
    }
}

/// Small pieces that several pages share.
enum Components {
    static func careModelTag(_ model: CareModel) -> Node<HTML.BodyContext> {
        .strong(
            .class("nhsuk-tag vg-tag vg-tag--\(model.rawValue)"), .safeAttribute(named: "title", value: model.name),
            .text(model.abbreviation))
    }

    /// A disclosure ("Reply", "Flag") around content that is not in Plot's details context, such as a form.
    static func disclosure(_ summary: String, _ content: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .element(
            named: "details",
            nodes: [
                .class("nhsuk-details"),
                .element(
                    named: "summary",
                    nodes: [.class("nhsuk-details__summary"), .span(.class("nhsuk-details__summary-text"), .text(summary))]),
                .div(.class("nhsuk-details__text"), content),
            ])
    }

    /// NHS.UK's summary list, each row its own `<dl>`: the design system's `div` rows inside one
    /// `<dl>` are valid HTML, but assistive technology (and axe 3) do not all read a term and its
    /// value through the `div`.
    static func summaryList(_ rows: [(String, Node<HTML.BodyContext>)]) -> Node<HTML.BodyContext> {
        .div(
            .class("nhsuk-summary-list"),
            .forEach(rows) { row in
                .dl(
                    .class("nhsuk-summary-list__row"),
                    .dt(.class("nhsuk-summary-list__key"), .text(row.0)),
                    .dd(.class("nhsuk-summary-list__value"), row.1)
                )
            }
        )
    }

    static func warning(_ heading: String, _ text: String) -> Node<HTML.BodyContext> {
        .div(
            .class("nhsuk-warning-callout"),
            // h2, so a callout straight under the page's h1 skips no level; no role="text", which is not ARIA.
            .h2(.class("nhsuk-warning-callout__label"), .span(.class("nhsuk-u-visually-hidden"), .text("Important: ")), .text(heading)),
            .p(.text(text))
        )
    }

    static func inset(_ text: String) -> Node<HTML.BodyContext> {
        .div(.class("nhsuk-inset-text"), .span(.class("nhsuk-u-visually-hidden"), .text("Information: ")), .p(.text(text)))
    }

    /// One labelled drop-down of a GET filter form; the first option, with an empty value, means "any".
    static func filterSelect(
        name: String, label: String, any: String, options: [(value: String, label: String)], selected: String?
    ) -> Node<HTML.FormContext> {
        .div(
            .class("nhsuk-form-group vg-filter__field"),
            .label(.class("nhsuk-label"), .for(name), .text(label)),
            .select(
                .class("nhsuk-select"), .id(name), .safeAttribute(named: "name", value: name),
                .choice("", selected: false, label: any),  // browsers select the first option when none is
                .forEach(options) { option in .choice(option.value, selected: option.value == selected, label: option.label) }
            )
        )
    }

    static let careModelOptions = CareModel.allCases.map { (value: $0.rawValue, label: "\($0.abbreviation) – \($0.name)") }

    static func vanguardLink(_ vanguard: Vanguard) -> Node<HTML.BodyContext> {
        .a(.safeHref(SiteURL.vanguard(vanguard.number).path), .text(vanguard.name))
    }

    static func pagination(current: Int, pageCount: Int, link: (Int) -> String) -> Node<HTML.BodyContext> {
        .if(
            pageCount > 1,
            .nav(
                .class("nhsuk-pagination vg-pagination"), .safeAttribute(named: "role", value: "navigation"), .ariaLabel("Pagination"),
                .ul(
                    .class("nhsuk-list nhsuk-pagination__list"),
                    .if(
                        current > 1,
                        .li(
                            .class("nhsuk-pagination-item--previous"),
                            .a(.class("nhsuk-pagination__link"), .safeHref(link(current - 1)), .text("Previous page")))),
                    .li(.text("Page \(current) of \(pageCount)")),
                    .if(
                        current < pageCount,
                        .li(
                            .class("nhsuk-pagination-item--next"),
                            .a(.class("nhsuk-pagination__link"), .safeHref(link(current + 1)), .text("Next page"))))
                )
            ))
    }
}

extension Node where Context == HTML.BodyContext {
    /// A number formatted the way NHS pages write them: 33,755.
    static func number(_ value: Int) -> Node { .text(value.formatted(grouping: true)) }
}

extension Int {
    func formatted(grouping: Bool) -> String {
        let digits = String(Swift.abs(self))
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return (self < 0 ? "-" : "") + result
    }
}

extension Node where Context == HTML.SelectContext {
    /// An `<option>` with its label as content (Plot's own `option` is self-closing).
    static func choice(_ value: String, selected: Bool, label: String) -> Node {
        .element(
            named: "option",
            nodes: [
                // Plot drops empty attributes, but an empty value is what "any" must submit.
                Node<HTML.BodyContext>.attribute(Attribute(name: "value", value: value.escapedForXML, ignoreIfValueIsEmpty: false)),
                selected ? Node<HTML.BodyContext>.safeAttribute(named: "selected", value: "selected") : .empty,
                .text(label),
            ])
    }
}
