import Foundation
import Testing
@testable import GoLiveCore

/// Text from input files never becomes HTML, script or an e-mail header.
struct CommsInjectionTests {
    static let script = "<script>alert(1)</script>"
    static let attribute = "\"><img src=x onerror=alert(1)>"

    static func hostile() throws -> CommsFixture.Rendered {
        var tree = CommsFixture.exampleTree()
        var audience = tree["audiences/agents-paris.yaml"] ?? ""
        audience = CommsFixture.replace("name: \"Agents de recouvrement — Paris\"", with: "name: '\(script)'", in: audience)
        audience = CommsFixture.replace("changes:\n", with: "changes:\n  - '\(attribute)'\n  - '**gras** \(script)'\n", in: audience)
        tree["audiences/agents-paris.yaml"] = audience
        // A line break in the project name reaches every subject through the product name.
        tree["plan.yaml"] = CommsFixture.replace(
            "name: \"Atlas — nouveau poste de travail du recouvrement\"",
            with: "name: \"Atlas\\nBcc: victim@example.org — nouveau poste\"", in: tree["plan.yaml"])
        return try CommsFixture.render(MemoryFiles(tree))
    }

    @Test func nothingUnescapedInPagesOrEmails() throws {
        let r = try Self.hostile()
        let pages = r.files.keys.filter { $0.hasSuffix(".html") }
        #expect(pages.contains("agents-paris/comms/2027-02-17-teaser.html"))
        for path in pages {
            let html = r.text(path) ?? ""
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<img"), "\(path)")
        }
        let teaser = r.text("agents-paris/comms/2027-02-17-teaser.html") ?? ""
        #expect(teaser.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(teaser.contains("<strong>gras</strong> &lt;script&gt;"))

        let emails = r.files.keys.filter { $0.hasPrefix("agents-paris/comms/") && $0.hasSuffix(".eml") }.sorted()
        let parsed = try CommsFixture.emails(r, emails)
        #expect(parsed.count == emails.count)
        for (path, message) in parsed {
            let html = message["html"] as? String ?? ""
            #expect(!html.contains("<script") && !html.contains("<img"), "\(path)")
            let keys = Set(message["keys"] as? [String] ?? [])
            #expect(!keys.contains("bcc"), "\(path)")
            #expect(keys == ["from", "to", "subject", "date", "message-id", "x-unsent", "mime-version", "content-type"], "\(path)")
            #expect((message["subject"] as? String)?.hasPrefix("ATLAS — ") == true)
        }
    }
}
