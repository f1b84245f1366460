import Foundation
import Testing
@testable import GoLiveCore

/// A rebuild keeps the documents whose inputs did not change instead of rendering them again.
/// What protects users from a stale document: after every kind of edit, the rebuild leaves exactly
/// the output folder (manifest included) that rendering every document (`--full`) leaves.
@Suite("Incremental rendering")
struct IncrementalRenderTests {
    static func build(_ files: ProjectFiles, _ out: URL, reuse: Bool = true) throws -> (Build.Result, Build.Rendered) {
        var options = Build.Options()
        options.reuse = reuse
        let build = Build(files: files, outputDirectory: out, options: options)
        var times: [(String, Double)] = []
        let rendered = try build.render(times: &times)
        return (try build.run(), rendered)
    }

    static func tree(_ root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = root.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! {
            guard let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = data
        }
        return files
    }

    static func copy(_ from: URL, _ to: URL) throws {
        try? FileManager.default.removeItem(at: to)
        try FileManager.default.copyItem(at: from, to: to)
    }

    static let feedbackForAll = """

    - id: fb-200
      date: 2027-03-29
      audience: all
      guide: user-guide
      section: se-connecter
      kind: tip
      text: "Ajoutez Atlas à vos favoris."
      status: resolved

    """

    /// Each edit applies on top of the ones before it, like a week of a PMO's changes.
    static func edits() -> [(String, [String: (String) -> String])] { [
        ("feedback for one audience", ["feedback/first-week.yaml": { $0 + RebuildTests.newEntry }]),
        ("feedback for everyone", ["feedback/first-week.yaml": { $0 + feedbackForAll }]),
        ("an issue resolved", ["feedback/first-week.yaml": { $0.replacingOccurrences(of: "après 9 h.\"\n  status: workaround", with: "après 9 h.\"\n  status: resolved") }]),
        ("an audience's headcount", ["audiences/agents-lyon.yaml": { $0.replacingOccurrences(of: "headcount: 120", with: "headcount: 125") }]),
        ("a guide section", ["guides/user-guide.md": { $0 + "\nUn paragraphe de plus dans la dernière section.\n" }]),
        ("a template", ["templates/kit/kit.fr.md": { $0 + "\nÀ garder sous la main.\n" }]),
        ("the plan", ["plan.yaml": { $0.replacingOccurrences(of: "  summary: >-", with: "  summary: >-\n    Nouveau.") }]),
        ("nothing", [:]),
    ] }

    @Test func everyRebuildLeavesWhatRenderingEverythingLeaves() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golive-incremental-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out"), full = root.appendingPathComponent("full")
        _ = try Self.build(TrainingOutputFixture.files(), out)
        var applied: [String: (String) -> String] = [:]
        var previous = TrainingOutputFixture.files()
        for (name, edit) in Self.edits() {
            for (path, change) in edit {
                let earlier = applied[path] ?? { $0 }
                applied[path] = { change(earlier($0)) }
            }
            let files = TrainingOutputFixture.files(applied)
            // Each edit must change what it names, or the step proves nothing.
            for path in edit.keys { #expect(files.files[path] != previous.files[path], "\(name) changes \(path)") }
            previous = files
            try Self.copy(out, full)
            let (incremental, rendered) = try Self.build(files, out)
            let (everything, _) = try Self.build(files, full, reuse: false)
            let (mine, theirs) = (Self.tree(out), Self.tree(full))
            #expect(Set(mine.keys) == Set(theirs.keys), "after \(name)")
            #expect(mine.keys.filter { mine[$0] != theirs[$0] }.sorted() == [], "after \(name)")
            #expect(incremental.warnings == everything.warnings, "after \(name)")
            if name == "nothing" { #expect(rendered.units.allSatisfy { $0.kept }) }
        }
    }

    @Test func oneAudiencesFeedbackRendersOnlyThatAudiencesDocumentsAndTheDossier() throws {
        let out = RebuildTests.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Self.build(TrainingOutputFixture.files(), out)
        let (_, rendered) = try Self.build(RebuildTests.withEntry, out)
        let again = rendered.units.filter { !$0.kept }.map(\.name).sorted()
        #expect(again == ["guides/agents-paris", "handover", "kit/agents-paris", "messages/agents-paris"])
        #expect(rendered.units.filter { $0.kept }.count == rendered.units.count - again.count)
        #expect(rendered.units.count > 30)
    }

    @Test func anAnsweredQuestionLeavesTheHandoverDossierAlone() throws {
        let out = RebuildTests.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Self.build(TrainingOutputFixture.files(), out)
        let answered = RebuildTests.newEntry.replacingOccurrences(of: "status: workaround", with: "status: resolved")
        let (_, rendered) = try Self.build(TrainingOutputFixture.files(["feedback/first-week.yaml": { $0 + answered }]), out)
        // The dossier lists only unresolved feedback.
        #expect(rendered.units.filter { !$0.kept }.map(\.name).sorted() == ["guides/agents-paris", "kit/agents-paris", "messages/agents-paris"])
    }

    @Test func aDeletedOrEditedOutputIsRenderedAgain() throws {
        let out = RebuildTests.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Self.build(TrainingOutputFixture.files(), out)
        let before = Self.tree(out)
        try FileManager.default.removeItem(at: out.appendingPathComponent("agents-lyon/kit.html"))
        try Data("edited by hand".utf8).write(to: out.appendingPathComponent("agents-paris/training.md"))
        // A calendar too: its events keep their SEQUENCE and DTSTAMP when it is put back.
        try FileManager.default.removeItem(at: out.appendingPathComponent("agents-lyon/training.ics"))
        let (result, rendered) = try Self.build(TrainingOutputFixture.files(), out)
        #expect(Set(result.report.written) == ["agents-lyon/kit.html", "agents-paris/training.md", "agents-lyon/training.ics"])
        let after = Self.tree(out)
        #expect(Set(after.keys) == Set(before.keys))
        // changes.md tells of the two files put back; everything else is as the first build left it.
        #expect(after.keys.filter { after[$0] != before[$0] } == ["changes.md"])
        #expect(Set(rendered.units.filter { !$0.kept }.map(\.name)) == ["kit/agents-lyon", "training/agents-paris", "training/agents-lyon"])
    }

    /// A manifest edited by hand may record a unit's file and give it no digest (`files`): the rebuild
    /// cannot take that file for what the last build wrote, so its unit renders again, and the folder
    /// ends as the last build left it. The paths given a digest are compared with those the units
    /// record as a whole (`OutputWriter.intactUnits`): a path dropped, or swapped for another, is noticed.
    @Test("a file the manifest gives no digest renders its unit again", arguments: [false, true])
    func aFileTheManifestGivesNoDigestRendersItsUnitAgain(swapped: Bool) throws {
        let out = RebuildTests.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Self.build(TrainingOutputFixture.files(), out)
        let before = Self.tree(out)
        var manifest = try #require(Manifest.load(from: out))
        let digest = try #require(manifest.files["agents-lyon/kit.html"])
        manifest.files["agents-lyon/kit.html"] = nil
        // Swapped: as many paths as the units record, one of them not theirs.
        if swapped { manifest.files["agents-lyon/kit-old.html"] = digest }
        try manifest.encoded().write(to: out.appendingPathComponent(Manifest.fileName))
        let (_, rendered) = try Self.build(TrainingOutputFixture.files(), out)
        #expect(rendered.units.filter { !$0.kept }.map(\.name) == ["kit/agents-lyon"])
        let after = Self.tree(out)
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after.keys.filter { $0 != "changes.md" && after[$0] != before[$0] }.sorted() == [])
    }

    @Test func aDamagedOutputIsRenderedAgainBesideAFeedbackChange() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golive-damaged-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out"), full = root.appendingPathComponent("full")
        _ = try Self.build(TrainingOutputFixture.files(), out)
        try Self.copy(out, full)
        // An audience's messages deleted, and a feedback entry for another audience added.
        try FileManager.default.removeItem(at: out.appendingPathComponent("agents-lyon/comms"))
        let changed = TrainingOutputFixture.files(["feedback/first-week.yaml": { $0 + RebuildTests.newEntry }])
        let (_, rendered) = try Self.build(changed, out)
        #expect(Set(rendered.units.filter { !$0.kept }.map(\.name)).isSuperset(of: ["messages/agents-lyon", "guides/agents-paris"]))
        // Every file, the manifest included, as rendering everything leaves it; only the change report
        // differs, which tells of the messages put back.
        _ = try Self.build(changed, full, reuse: false)
        let (mine, theirs) = (Self.tree(out), Self.tree(full))
        #expect(Set(mine.keys) == Set(theirs.keys))
        #expect(mine.keys.filter { $0 != "changes.md" && mine[$0] != theirs[$0] }.sorted() == [])
    }

    @Test func keptDocumentsReportTheirWarningsAgain() throws {
        let out = RebuildTests.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let (first, _) = try Self.build(TrainingOutputFixture.files(), out)
        let (second, rendered) = try Self.build(TrainingOutputFixture.files(), out)
        #expect(rendered.units.allSatisfy { $0.kept })
        #expect(first.warnings.contains { $0.message.contains("send it earlier so people can book a seat") })
        #expect(second.warnings == first.warnings)
    }
}
