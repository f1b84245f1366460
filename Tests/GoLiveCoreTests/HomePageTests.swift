import Foundation
import Testing
@testable import GoLiveCore

/// `out/index.html`: the PMO's entry point, and the links of every page of a real build.
@Suite struct HomePageTests {
    @Test func homeHasDecisionWavesAndATimelinePicture() throws {
        let home = try #require(try KitFixture.build().outputs["index.md"])
        #expect(home.contains("**Go — la mise en production est confirmée**, le mercredi 10 mars 2027 (Comité Go/No-Go)."))
        #expect(home.contains("### Lot 3 — Équipes internationales — vendredi 16 avril 2027"))
        #expect(home.contains("- Bascule du jeudi 15 avril, 19\u{A0}h, au vendredi 16 avril, 7\u{A0}h"))
        let svg = try #require(KitFixture.svg(in: home))
        let report = try SVGCheck.parse(svg)
        #expect(report.forbidden.isEmpty)
        for label in ["Formation", "Bascule", "Hypercare", "Passation", "Communication"] {
            #expect(report.texts.contains(label) || report.titles.contains { $0.hasPrefix(label) }, "\(label)")
        }
    }

    @Test func homeComesLastAndLinksEveryOtherOutput() throws {
        let outputs = try KitFixture.build().outputs
        let home = try #require(outputs["index.html"])
        let hrefs = Set(Self.links(in: home))
        for path in outputs.keys where !path.hasPrefix("index.") {
            #expect(hrefs.contains(path), "index.html does not link \(path)")
        }
        #expect(home.contains("<h2>Documents par phase</h2>") && home.contains("<h2>Documents par population</h2>"))
        #expect(outputs["agents-paris/kit.html"]?.contains("<a href=\"../index.html\">Accueil du projet</a>") == true)
        #expect(outputs["agents-paris/comms/2027-02-17-teaser.html"]?.contains("href=\"../../index.html\"") == true)
        #expect(!home.contains("Accueil du projet</a>"))
    }

    @Test func everyRelativeLinkOfEveryPageResolves() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("golive-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Build(files: DiskFiles(root: ProjectFixture.repoRoot), outputDirectory: out).run()
        let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
        let pages = files.filter { $0.pathExtension == "html" }
        #expect(pages.count > 50)
        var checked = 0
        for page in pages {
            let html = try String(contentsOf: page, encoding: .utf8)
            for link in Self.links(in: html) {
                guard !link.contains(":"), !link.hasPrefix("#"), !link.hasPrefix("//") else { continue }
                let path = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                guard !path.isEmpty else { continue }
                let decoded = path.removingPercentEncoding ?? path
                let target = page.deletingLastPathComponent().appendingPathComponent(decoded).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path),
                        "\(page.path.dropFirst(out.path.count + 1)) links to \(link), which does not exist")
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    /// Every `href="…"` and `src="…"` value, entities decoded.
    static func links(in html: String) -> [String] {
        let pattern = try! Regex(#"(?:href|src)="([^"]*)""#)
        return html.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
            .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }
}
