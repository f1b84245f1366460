import Testing
@testable import GoLiveCore

/// Text from input files is data: Markdown in it renders, HTML in it never does.
@Suite("Markdown and HTML safety")
struct MarkdownSafetyTests {
    @Test func rawHTMLInAValueIsShownAsText() {
        let markdown = "- " + MarkdownContentType.escape("<script>alert(1)</script> and \"><img src=x onerror=alert(1)>")
        let html = Cmark.html(markdown)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test func inlineMarkdownInAValueStillRenders() {
        let html = Cmark.html(MarkdownContentType.escape("**Important**: see [the intranet](https://intranet.example.org)"))
        #expect(html.contains("<strong>Important</strong>"))
        #expect(html.contains("<a href=\"https://intranet.example.org\">"))
    }

    @Test func aValueCannotStartANewBlock() {
        let html = Cmark.html("- " + MarkdownContentType.escape("first\n# Heading injected"))
        #expect(!html.contains("<h1>"))
    }

    @Test func scriptLinksAreEmptied() {
        for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "vbscript:x", "data:text/html,x"] {
            let html = Cmark.html("[click](\(url))")
            // No link at all: the words stay, as plain text.
            #expect(!html.contains("href="), "\(url) survived: \(html)")
            #expect(html.contains("click"))
        }
    }

    @Test func rawHTMLInAGuideIsEscapedBeforeRendering() {
        let guide = "Intro\n\n<script>alert(1)</script>\n\nText with <b onclick=x>inline</b>.\n"
        let html = Cmark.html(Cmark.escapingRawHTML(guide))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b onclick"))
        #expect(html.contains("Intro"))
    }
}
