import Plot
import VanguardCore

/// Uploading an image for a post, and the Markdown that places it.
enum ImageUploadPage {
    static func form(context: PageContext) -> Node<HTML.BodyContext> {
        .form(
            .action(SiteURL.learning(.images).path), .method(.post), .enctype(.multipartData),
            .safeAttribute(named: "target", value: "_blank"),
            Forms.csrfField(context.csrfToken),
            .div(
                .class("nhsuk-form-group"),
                .label(
                    .class("nhsuk-label"), .for("image"),
                    .text("Add an image (PNG, JPEG, GIF or WebP, up to \(PostImage.maximumBytes / 1024 / 1024) MB)")),
                .input(
                    .class("nhsuk-file-upload"), .id("image"), .name("image"), .type(.file),
                    .safeAttribute(named: "accept", value: "image/png,image/jpeg,image/gif,image/webp"))
            ),
            .button(.class("nhsuk-button nhsuk-button--secondary"), .type(.submit), .text("Upload image"))
        )
    }

    static func document(markdown: String?, error: String?, context: PageContext) -> HTML {
        Layout.document(
            title: error == nil ? "Image uploaded" : "Image not uploaded", context: context,
            breadcrumbs: [("Home", .home), ("Learning", .learning(.home))],
            body: .group(
                .h1(.text(error == nil ? "Image uploaded" : "Image not uploaded")),
                .unwrap(error) { Components.warning("Not uploaded", $0) },
                .unwrap(markdown) { markdown in
                    .group(
                        .p(.text("Paste this into the post where the image belongs, and describe the image for people who cannot see it:")),
                        .element(named: "pre", nodes: [.class("vg-markdown-snippet"), .text(markdown)]))
                },
                form(context: context)
            )
        )
    }
}
