import Foundation
import Plot
import VanguardCore

/// Writing or editing a post. Case studies have their five fixed parts and name the metrics
/// their evidence comes from.
enum PostFormPage {
    struct Model {
        let title: String
        let action: SiteURL
        let values: PostForm
        let errors: [String: String]
        let vanguards: [Vanguard]
        let metrics: [Metric]
        let categories: CategoryTree
        let innovations: [Innovation]
        let canDelete: SiteURL?
    }

    static func document(_ model: Model, context: PageContext) -> HTML {
        let values = model.values
        func field(_ name: String, _ label: String, kind: FormField.Kind = .text, value: String?, hint: String? = nil) -> FormField {
            FormField(name: name, label: label, kind: kind, value: value ?? "", hint: hint, error: model.errors[name])
        }
        let head = [
            field("kind", "Kind", kind: .select(PostKind.allCases.map { ($0.rawValue, $0.name) }), value: values.kind),
            field("title", "Title", value: values.title),
            field("summary", "Summary", kind: .textarea, value: values.summary, hint: "One or two sentences for lists, feeds and digests."),
            field(
                "body", "Text", kind: .textarea, value: values.body,
                hint:
                    "Markdown: # headings, **bold**, [links](https://…), lists. HTML is shown as text; links must be http, https, mailto or a page on this site. For a case study, an optional introduction."
            ),
        ]
        let parts = [
            field("problem", "Case study: the problem", kind: .textarea, value: values.problem),
            field("what_changed", "Case study: what changed", kind: .textarea, value: values.whatChanged),
            field("results", "Case study: results", kind: .textarea, value: values.results),
            field("cost", "Case study: what it cost", kind: .textarea, value: values.cost),
            field("contacts", "Case study: contacts", kind: .textarea, value: values.contacts),
        ]
        let tail = [
            field(
                "vanguard", "Vanguard",
                kind: .select([("", "None (programme-wide)")] + model.vanguards.map { (String($0.number), "\($0.number). \($0.name)") }),
                value: values.vanguard, hint: "Site leads write for their own vanguard. A case study must name one."),
            field(
                "innovation", "Innovation (case studies)", kind: .select([("", "None")] + model.innovations.map { ($0.slug, $0.name) }),
                value: values.innovation,
                hint: "From the innovations catalogue"),
            field("work_streams", "Work stream tags", value: values.workStreams, hint: "Separated by commas, e.g. workforce, digital"),
            field("status", "Publish", kind: .select([("draft", "Save as a draft"), ("published", "Publish")]), value: values.status),
            field(
                "publish_at", "Publish from (optional)", value: values.publishAt,
                hint: "YYYY-MM-DD HH:MM, UK time. Leave empty to publish now; a later time schedules it."),
        ]
        let all =
            head + parts + tail + [
                FormField(name: "categories", label: "Categories", error: model.errors["categories"]),
                FormField(name: "metrics", label: "Metrics", error: model.errors["metrics"]),
            ]
        return Layout.document(
            title: model.title, context: context, breadcrumbs: [("Home", .home), ("Learning", .learning(.home))],
            body: .group(
                .h1(.text(model.title)),
                Forms.errorSummary(all),
                .form(
                    .action(model.action.path), .method(.post), .safeAttribute(named: "novalidate", value: "novalidate"),
                    Forms.csrfField(context.csrfToken),
                    .forEach(head) { Forms.field(Node<HTML.FormContext>.self, $0) },
                    .element(
                        named: "fieldset",
                        nodes: [
                            .class("nhsuk-fieldset vg-case-study-parts"),
                            .element(
                                named: "legend", nodes: [.class("nhsuk-fieldset__legend"), .text("Case study parts (case studies only)")]),
                            .forEach(parts) { Forms.field(Node<HTML.FormContext>.self, $0) },
                        ]),
                    checkboxes(
                        "categories", legend: "Categories", error: model.errors["categories"],
                        options: model.categories.categories.map { ($0.slug, model.categories.label($0.slug)) }.sorted { $0.1 < $1.1 },
                        checked: Set(values.categories ?? [])),
                    checkboxes(
                        "care_models", legend: "Care models", error: model.errors["care_models"],
                        options: CareModel.allCases.map { ($0.rawValue, $0.name) }, checked: Set(values.careModels ?? [])),
                    checkboxes(
                        "metrics", legend: "Metrics this case study claims to move", error: model.errors["metrics"],
                        options: model.metrics.map { ($0.code, $0.name) }, checked: Set(values.metrics ?? [])),
                    .forEach(tail) { Forms.field(Node<HTML.FormContext>.self, $0) },
                    .button(.class("nhsuk-button"), .type(.submit), .text("Save"))
                ),
                .h2(.text("Images")),
                ImageUploadPage.form(context: context),
                .unwrap(model.canDelete) { url in
                    Forms.postButton(url, csrf: context.csrfToken, label: "Delete this post")
                }
            )
        )
    }

    static func checkboxes(_ name: String, legend: String, error: String?, options: [(String, String)], checked: Set<String>) -> Node<
        HTML.FormContext
    > {
        .div(
            .class(error == nil ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error"), .id(name),
            .element(
                named: "fieldset",
                nodes: [
                    .class("nhsuk-fieldset"),
                    .element(named: "legend", nodes: [.class("nhsuk-fieldset__legend nhsuk-fieldset__legend--s"), .text(legend)]),
                    .unwrap(error) {
                        .span(.class("nhsuk-error-message"), .span(.class("nhsuk-u-visually-hidden"), .text("Error: ")), .text($0))
                    },
                    .div(
                        .class("nhsuk-checkboxes nhsuk-checkboxes--small"),
                        .forEach(options.enumerated()) { index, option in
                            .div(
                                .class("nhsuk-checkboxes__item"),
                                .input(
                                    .class("nhsuk-checkboxes__input"), .id("\(name)-\(index)"), .name("\(name)[]"), .type(.checkbox),
                                    .safeValue(option.0),
                                    .checked(checked.contains(option.0))),
                                .label(.class("nhsuk-label nhsuk-checkboxes__label"), .for("\(name)-\(index)"), .text(option.1))
                            )
                        }),
                ])
        )
    }
}
