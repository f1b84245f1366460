import Foundation
import Testing
@testable import GoLiveCore

/// The regeneration loop on the example project: one feedback entry rewrites the documents of the
/// audiences it concerns and nothing else, bumps their guide's version with a "What's new", and an
/// identical build writes nothing at all.
@Suite("Rebuild after feedback")
struct RebuildTests {
    static let newEntry = """

    - id: fb-100
      date: 2027-03-27
      audience: agents-paris
      guide: user-guide
      section: "Tableau de bord"
      kind: issue
      text: "La tuile « Relances du jour » reste vide jusqu'à 9 h."
      answer: "Rafraîchissez la page après 9 h."
      status: workaround

    """

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("golive-rebuild-\(UUID().uuidString)")
    }

    static func build(_ files: ProjectFiles, _ out: URL, dryRun: Bool = false, previous: URL? = nil) throws -> Build.Result {
        var options = Build.Options()
        options.dryRun = dryRun
        options.previous = previous
        return try Build(files: files, outputDirectory: out, options: options).run()
    }

    static func text(_ out: URL, _ path: String) -> String {
        (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    static func modificationDates(_ out: URL) -> [String: Date] {
        var dates: [String: Date] = [:]
        let root = out.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: out, includingPropertiesForKeys: [.contentModificationDateKey])! {
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey])
            dates[String(url.standardizedFileURL.path.dropFirst(root.count + 1))] = values?.contentModificationDate
        }
        return dates
    }

    static let withEntry = TrainingOutputFixture.files(["feedback/first-week.yaml": { $0 + newEntry }])

    @Test func aSecondIdenticalBuildWritesNothingAndReportsNothing() throws {
        let out = Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try Self.build(TrainingOutputFixture.files(), out)
        #expect(!first.changes.isEmpty)
        let report = Self.text(out, "changes.md")
        #expect(report.contains("## agents-paris"))
        let before = Self.modificationDates(out)
        Thread.sleep(forTimeInterval: 0.01)
        let second = try Self.build(TrainingOutputFixture.files(), out)
        #expect(second.report.written.isEmpty)
        #expect(second.report.removed.isEmpty)
        #expect(second.changes.isEmpty)
        #expect(second.changes.summary == "aucun changement", "the example is French: so is its report")
        #expect(Self.modificationDates(out) == before, "no file, not even the manifest or changes.md, is touched")
        #expect(Self.text(out, "changes.md") == report, "changes.md still tells the last real change")
    }

    @Test func oneFeedbackEntryRewritesExactlyTheDocumentsOfItsAudience() throws {
        let out = Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Self.build(TrainingOutputFixture.files(), out)
        let result = try Self.build(Self.withEntry, out)
        let written = result.report.written
        #expect(written.contains("agents-paris/guide.md") && written.contains("agents-paris/guide.html"))
        // The handover dossier lists the open issues for support: the one shared document concerned.
        let shared = written.filter { $0.hasPrefix("handover/") }
        let audiences = written.filter { !$0.hasPrefix("handover/") }
        #expect(audiences.allSatisfy { $0.hasPrefix("agents-paris/") }, "\(written)")
        // Other documents may show feedback too (the kit's FAQ, the follow-up message): still only this audience's.
        let guideFiles = audiences.filter { !$0.hasPrefix("agents-paris/comms/") && !$0.hasPrefix("agents-paris/kit.") }
        #expect(guideFiles == ["agents-paris/guide.html", "agents-paris/guide.md"])
        #expect(Set(shared).isSubset(of: ["handover/dossier.md", "handover/dossier.html"]))
        #expect(result.report.removed.isEmpty)
        #expect(result.changes.audiences.map(\.audience) == ["agents-paris"])
        #expect(result.changes.shared == shared)
        let changes = Self.text(out, "changes.md")
        #expect(changes.contains("## agents-paris\n") && changes.contains("- `guide.html`"))
        #expect(!changes.contains("## agents-lyon"))
    }

    @Test func aChangedGuideGetsANewVersionAndWhatsNew() throws {
        let out = Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Self.build(TrainingOutputFixture.files(), out)
        #expect(Self.text(out, "agents-paris/guide.md").contains("— version 1.0\n"))
        _ = try Self.build(Self.withEntry, out)
        let guide = Self.text(out, "agents-paris/guide.md")
        #expect(guide.contains("**Agents de recouvrement — Paris** — version 1.1\n"))
        #expect(guide.contains("## <a id=\"whats-new\"></a>Nouveautés de la version 1.1\n\n- Nouveau problème connu (section « Tableau de bord ») : La tuile « Relances du jour » reste vide jusqu'à 9 h.\n"))
        #expect(guide.contains("> **⚠️ Problème connu** — La tuile « Relances du jour » reste vide jusqu'à 9 h."))
        #expect(Self.text(out, "agents-lyon/guide.md").contains("— version 1.0\n"))
        let manifest = try #require(Manifest.load(from: out))
        #expect(manifest.guides["user-guide/agents-paris"]?.version == "1.1")
        #expect(manifest.guides["user-guide/agents-lyon"]?.version == "1.0")

        // The same input again: the same 1.1, the same "What's new", nothing written.
        let again = try Self.build(Self.withEntry, out)
        #expect(again.report.written.isEmpty)
        #expect(Self.text(out, "agents-paris/guide.md") == guide)

        // The IBAN issue (fb-004) is resolved: it leaves the section and is listed once, as fixed in 1.2.
        let resolved = TrainingOutputFixture.files(["feedback/first-week.yaml": { text in
            (text + Self.newEntry).replacingOnce("pour le lot 2. Pour l'instant, retirez les espaces avant de lancer la recherche.\"\n  status: open",
                                                 with: "pour le lot 2. Pour l'instant, retirez les espaces avant de lancer la recherche.\"\n  status: resolved")
        }])
        _ = try Self.build(resolved, out)
        let updated = Self.text(out, "agents-paris/guide.md")
        #expect(updated.contains("— version 1.2\n"))
        #expect(updated.contains("Nouveautés de la version 1.2"))
        #expect(!updated.contains("> **⚠️ Problème connu** — La recherche par IBAN"))
        #expect(updated.components(separatedBy: "La recherche par IBAN ne trouve rien").count == 2, "listed exactly once")
        #expect(updated.contains("**Problèmes corrigés**\n\n- La recherche par IBAN ne trouve rien"))
        #expect(updated.contains("*(nouveau en 1.2)*"))
    }

    @Test func versionsSurviveANewOutputFolderOnlyWithPrevious() throws {
        let out = Self.folder()
        let saved = Self.folder()
        defer { for url in [out, saved] { try? FileManager.default.removeItem(at: url) } }
        _ = try Self.build(TrainingOutputFixture.files(), out)
        _ = try Self.build(Self.withEntry, out)
        try FileManager.default.createDirectory(at: saved, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: out.appendingPathComponent(Manifest.fileName),
                                         to: saved.appendingPathComponent(Manifest.fileName))
        let guideBefore = Self.text(out, "agents-paris/guide.md")

        try FileManager.default.removeItem(at: out)
        _ = try Self.build(Self.withEntry, out)
        #expect(Self.text(out, "agents-paris/guide.md").contains("— version 1.0\n"), "no history: back to the plan's version")

        try FileManager.default.removeItem(at: out)
        _ = try Self.build(Self.withEntry, out, previous: saved)
        #expect(Self.text(out, "agents-paris/guide.md") == guideBefore, "--previous keeps 1.1 and its What's new")
    }

    @Test func aDryRunReportsAndWritesNothing() throws {
        let out = Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Self.build(TrainingOutputFixture.files(), out)
        let before = Self.modificationDates(out)
        let manifest = Self.text(out, Manifest.fileName)
        let dry = try Self.build(Self.withEntry, out, dryRun: true)
        #expect(dry.changes.audiences.map(\.audience) == ["agents-paris"])
        #expect(dry.report.written.contains("agents-paris/guide.md"))
        #expect(Self.modificationDates(out) == before)
        #expect(Self.text(out, Manifest.fileName) == manifest)

        let fresh = Self.folder()
        _ = try Self.build(TrainingOutputFixture.files(), fresh, dryRun: true)
        #expect(!FileManager.default.fileExists(atPath: fresh.path))
    }

    @Test func calendarSequencesMoveOnlyWhenAnEventChanges() {
        var history = Manifest()
        history.events = ["a@x": .init(digest: "d1", sequence: 2, stamp: "20270301T090000Z")]
        #expect(history.eventSequence(uid: "a@x", digest: "d1") == 2)
        #expect(history.eventStamp(uid: "a@x", digest: "d1") == "20270301T090000Z")
        #expect(history.eventSequence(uid: "a@x", digest: "d2") == 3)
        #expect(history.eventStamp(uid: "a@x", digest: "d2") == nil)
        #expect(history.eventSequence(uid: "new@x", digest: "d") == 0)
        let event = "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20270301T090000Z\r\nSEQUENCE:2\r\nSUMMARY:Session\r\nEND:VEVENT\r\n"
        let records = Manifest.eventRecords(in: [OutputFile(path: "t.ics", text: "BEGIN:VCALENDAR\r\n" + event + "END:VCALENDAR\r\n")])
        #expect(records["a@x"] == .init(digest: Manifest.eventDigest(of: "UID:a@x\r\nSUMMARY:Session"), sequence: 2,
                                        stamp: "20270301T090000Z"))
        var later = Manifest()
        later.events = ["a@x": .init(digest: "d1", sequence: 5, stamp: nil)]
        #expect(Manifest.history(output: history, previous: later)?.events?["a@x"]?.sequence == 5)
    }
}
