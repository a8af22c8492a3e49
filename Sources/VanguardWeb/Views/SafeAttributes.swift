import Plot

// Plot escapes text but writes attribute values as given, so a `"` in a value would end the
// attribute early. Every attribute the views set goes through these helpers, which escape the
// value; a test fails if a view calls Plot's unescaped `.href`, `.value` or `.attribute` directly.

extension Node where Context: HTMLLinkableContext {
    static func safeHref(_ url: String) -> Node {
        .attribute(named: "href", value: url.escapedForXML)
    }
}

extension Attribute where Context: HTMLValueContext {
    static func safeValue(_ value: String) -> Attribute {
        .attribute(named: "value", value: value.escapedForXML)
    }
}

extension Node {
    static func safeAttribute(named name: String, value: String) -> Node {
        .attribute(named: name, value: value.escapedForXML)
    }
}

extension Attribute {
    static func safeAttribute(named name: String, value: String) -> Attribute {
        .attribute(named: name, value: value.escapedForXML)
    }
}
