import Plot
import VanguardCore

/// One field of a form as a person fills it in, with what was typed and what was wrong with it.
struct FormField {
    enum Kind {
        case text, email, password, select([(value: String, label: String)]), textarea
    }

    let name: String
    let label: String
    var kind: Kind = .text
    var value: String = ""
    var hint: String? = nil
    var error: String? = nil
    var autocomplete: String? = nil
    /// The element id, when one page has several forms with a field of the same name (ids must be unique).
    var id: String? = nil

    var elementID: String { id ?? name }
}

/// NHS.UK form patterns: an error summary at the top, each error beside its field, and the
/// CSRF token in every form.
enum Forms {
    static func csrfField(_ token: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .safeValue(token))
    }

    static func errorSummary(_ fields: [FormField], general: String? = nil) -> Node<HTML.BodyContext> {
        let errors = fields.compactMap { field in field.error.map { (field.elementID, $0) } }
        guard !errors.isEmpty || general != nil else { return .empty }
        return .div(
            .class("nhsuk-error-summary"), .safeAttribute(named: "role", value: "alert"), .safeAttribute(named: "tabindex", value: "-1"),
            .h2(.class("nhsuk-error-summary__title"), .text("There is a problem")),
            .div(
                .class("nhsuk-error-summary__body"),
                .unwrap(general) { .p(.text($0)) },
                .ul(
                    .class("nhsuk-list nhsuk-error-summary__list"),
                    .forEach(errors) { error in
                        .li(.a(.safeHref("#\(error.0)"), .text(error.1)))
                    })
            )
        )
    }

    static func form(
        action: SiteURL, csrf: String, fields: [FormField], submit: String, general: String? = nil, hidden: [(String, String)] = []
    ) -> Node<HTML.BodyContext> {
        .group(
            errorSummary(fields, general: general),
            .form(
                .action(action.path), .method(.post), .safeAttribute(named: "novalidate", value: "novalidate"),
                csrfField(csrf),
                .forEach(hidden) { .input(.type(.hidden), .name($0.0), .safeValue($0.1)) },
                .forEach(fields) { field(Node<HTML.FormContext>.self, $0) },
                .button(.class("nhsuk-button"), .type(.submit), .text(submit))
            )
        )
    }

    static func field(_: Node<HTML.FormContext>.Type, _ field: FormField) -> Node<HTML.FormContext> {
        .div(
            .class(field.error == nil ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error"),
            .label(.class("nhsuk-label"), .for(field.elementID), .text(field.label)),
            .unwrap(field.hint) { .div(.class("nhsuk-hint"), .id("\(field.elementID)-hint"), .text($0)) },
            .unwrap(field.error) {
                .span(
                    .class("nhsuk-error-message"), .id("\(field.elementID)-error"),
                    .span(.class("nhsuk-u-visually-hidden"), .text("Error: ")), .text($0))
            },
            control(field)
        )
    }

    static func control(_ field: FormField) -> Node<HTML.FormContext> {
        let errorClass = field.error == nil ? "" : " nhsuk-input--error"
        switch field.kind {
        case .text, .email, .password:
            let type: HTMLInputType =
                switch field.kind {
                case .email: .email
                case .password: .password
                default: .text
                }
            return .input(
                .class("nhsuk-input" + errorClass), .id(field.elementID), .name(field.name), .type(type),
                .safeValue(isPassword(field) ? "" : field.value),
                .unwrap(field.autocomplete) { .safeAttribute(named: "autocomplete", value: $0) }
            )
        case .textarea:
            return .textarea(
                .class("nhsuk-textarea" + errorClass), .id(field.elementID), .name(field.name), .safeAttribute(named: "rows", value: "4"),
                .text(field.value))
        case .select(let options):
            return .select(
                .class("nhsuk-select"), .id(field.elementID), .safeAttribute(named: "name", value: field.name),
                .forEach(options) { option in .choice(option.value, selected: option.value == field.value, label: option.label) }
            )
        }
    }

    static func isPassword(_ field: FormField) -> Bool {
        if case .password = field.kind { return true }
        return false
    }

    /// A button that posts (e.g. "Revoke"), carrying the CSRF token.
    static func postButton(_ action: SiteURL, csrf: String, label: String, secondary: Bool = true) -> Node<HTML.BodyContext> {
        .form(
            .class("vg-inline-form"), .action(action.path), .method(.post),
            csrfField(csrf),
            .button(
                .class(secondary ? "nhsuk-button nhsuk-button--secondary vg-small-button" : "nhsuk-button"), .type(.submit), .text(label))
        )
    }
}
