import Foundation
import Testing
@testable import GoLiveCore

/// A rebuild takes shortcuts so that it costs a few percent of a full build: guide digests made once
/// for the audiences that read the same content, records carried over from the last build, the last
/// manifest's bytes copied where a record did not change, profiles read from the cache. Each shortcut
/// must give exactly what the long way gives, or a document or the manifest would silently go stale.
@Suite("Rebuild shortcuts")
struct RebuildShortcutTests {
    /// A synthetic project with feedback for some audiences and for everyone, so that audiences read
    /// different content.
    static func syntheticPlan() throws -> Plan {
        var tree = SyntheticProject.files(audiences: 40, waves: 3, seed: 7)
        tree["feedback/first-week.yaml", default: ""] += SyntheticProject.oneMoreFeedback(audience: "aud-3")
        return try LoadedProject.load(MemoryFiles(tree)).plan
    }

    static func plans() throws -> [Plan] {
        [try syntheticPlan(),
         try LoadedProject.load(TrainingOutputFixture.files(["feedback/first-week.yaml": { $0 + RebuildTests.newEntry }])).plan]
    }

    /// Audiences that read the same document, sections and feedback are given one guide, made once, and
    /// its digest is worked out once (`GuideSelection.grouped`): each must be the guide, and the digest,
    /// that the audience's own selection gives.
    @Test func groupedGuidesAreEachAudiencesOwn() throws {
        // Two audiences that differ only in their language (their ids are named by no section nor
        // entry) read different documents: they must not share a guide.
        var twins = try LoadedProject.load(TrainingOutputFixture.files()).plan
        let english = try #require(twins.audiences.first { $0.language == .en })
        for (id, language) in [("twin-en", Language.en), ("twin-fr", Language.fr)] {
            var twin = english
            (twin.id, twin.language) = (id, language)
            twins.audiences.append(twin)
        }
        twins.reindex()
        for plan in try Self.plans() + [twins] {
            let (guides, groups) = GuideSelection.grouped(plan)
            var alone: [AudienceGuide] = []
            for ref in plan.guides {
                let source = try #require(plan.guideSources[ref.id])
                for audience in plan.audiences {
                    if let guide = GuideSelection.guide(source, for: audience, feedback: plan.feedback) { alone.append(guide) }
                }
            }
            #expect(guides.count == alone.count)
            for (mine, theirs) in zip(guides, alone) where Self.described(mine) != Self.described(theirs) {
                Issue.record("\(mine.guideID) for \(mine.audienceID) is not the one made for that audience alone")
            }
            #expect(GuideVersioning.groupedContentDigests(guides, groups: groups) == alone.map(GuideVersioning.contentDigest))
            #expect(Set(groups).count > 1)
        }
        // Audiences of the generated plan read the same content in groups, or the grouping proves nothing.
        let (guides, groups) = GuideSelection.grouped(try Self.syntheticPlan())
        #expect(Set(groups).count < guides.count)
    }

    /// Every field of a guide, as text.
    static func described(_ g: AudienceGuide) -> String {
        func entries(_ list: [FeedbackEntry]) -> String { list.map { "\($0.id):\($0.status.rawValue):\($0.text)" }.joined(separator: ",") }
        let sections = g.sections.map { s in
            [s.heading, String(s.level), s.slug, s.body, s.safeBody, s.digest, entries(s.feedback)].joined(separator: "|")
        }
        return ([g.guideID, g.audienceID, g.language.rawValue, g.contentLanguage.rawValue, g.title, g.preamble, g.safePreamble,
                 entries(g.unplaced), entries(g.fixed)] + sections).joined(separator: "\n")
    }

    @Test func anUnchangedGuideKeepsTheRecordsItWouldBeGivenAnew() throws {
        for plan in try Self.plans() {
            for guide in GuideSelection.all(plan) {
                let first = GuideVersioning.edition(guide, base: "1.0", previous: nil)
                // The long way: records made from a previous record that does not match.
                var stale = first.record
                stale.digest = "0000000000000000"
                let anew = GuideVersioning.edition(guide, base: "1.0", previous: stale)
                let again = GuideVersioning.edition(guide, base: "1.0", previous: first.record)
                #expect(again.record.sections == anew.record.sections)
                #expect(again.record.feedback == anew.record.feedback)
                #expect(again.record == first.record)
                #expect(again.record.sections == GuideVersioning.sectionRecords(guide))
            }
        }
    }

    /// A feedback entry's digest keys every unit that shows it: any field that changes, a source
    /// position included, must change it, and it must cover every field the entry has.
    @Test func everyFieldOfAFeedbackEntryChangesItsDigest() {
        func at(_ line: Int) -> GoLiveCore.SourceLocation { GoLiveCore.SourceLocation(file: "feedback/a.yaml", line: line, column: 3) }
        let entry = FeedbackEntry(id: "fb-1", date: CivilDate(year: 2027, month: 4, day: 9)!, audience: "aud-1", guide: "user-guide",
                                  section: Located("Section 1", at: at(5)), kind: .question, text: "Où ?", answer: "Ici.",
                                  status: .open, location: at(1), audienceLocation: at(3), guideLocation: at(4))
        #expect(Mirror(reflecting: entry).children.count == UnitKeys.digestedFeedbackFields)
        var variants: [FeedbackEntry] = []
        func variant(_ change: (inout FeedbackEntry) -> Void) { var e = entry; change(&e); variants.append(e) }
        variant { $0.id = "fb-2" }
        variant { $0.date = CivilDate(year: 2027, month: 4, day: 10)! }
        variant { $0.audience = nil }
        variant { $0.audience = "" }
        variant { $0.guide = "other" }
        variant { $0.section = Located("Section 2", at: at(5)) }
        variant { $0.section = Located("Section 1", at: at(6)) }
        variant { $0.kind = .issue }
        variant { $0.text = "Où donc ?" }
        variant { $0.answer = nil }
        variant { $0.answer = "" }
        variant { $0.status = .resolved }
        variant { $0.location = at(2) }
        variant { $0.audienceLocation = at(2) }
        variant { $0.guideLocation = at(2) }
        let digests = [entry].map(UnitKeys.digest) + variants.map(UnitKeys.digest)
        #expect(Set(digests).count == digests.count)
        #expect(UnitKeys.digest(entry) == UnitKeys.digest(entry))
    }

    @Test func eachAudiencesFeedbackKeyIsTheOneItsFilterGives() throws {
        let loaded = try LoadedProject.load(TrainingOutputFixture.files(["feedback/first-week.yaml": { $0 + RebuildTests.newEntry }]))
        let keys = UnitKeys(project: loaded)
        let ids = loaded.plan.audiences.map(\.id) + ["nobody"]
        let shown = keys.feedbackShown(to: ids)
        #expect(loaded.plan.feedback.contains { $0.audience != nil } && loaded.plan.feedback.contains { $0.audience == nil })
        for id in ids { #expect(shown[id] == keys.feedback(UnitKeys.shownTo(id)), "\(id)") }
        #expect(Set(shown.values).count > 1)
    }

    /// The manifest copies the last one's bytes for each record that did not change: whatever changed,
    /// the bytes are those of encoding the new manifest from scratch.
    @Test func aManifestEncodedFromTheLastOnesBytesIsTheSameAsEncodedAnew() throws {
        let out = RebuildTests.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try IncrementalRenderTests.build(TrainingOutputFixture.files(), out)
        let old = try #require(Manifest.loadKeepingBytes(from: out))
        #expect(old.manifest.encoded() == old.data)
        #expect(old.manifest.encoded(reusing: old) == old.data)
        var random = SystemRandomNumberGenerator()
        for round in 0..<30 {
            var changed = old.manifest
            let guideKeys = changed.guides.keys.sorted(), unitKeys = (changed.units ?? [:]).keys.sorted()
            for _ in 0..<(round % 4) {
                let key = guideKeys.randomElement(using: &random)!
                changed.guides[key]?.version += ".1"
            }
            for _ in 0..<(round % 3) {
                let key = unitKeys.randomElement(using: &random)!
                if round % 2 == 0 { changed.units?[key]?.key = "changed" } else { changed.units?[key] = nil }
            }
            if round % 5 == 0, let first = changed.events?.keys.sorted().first { changed.events?[first]?.sequence += 1 }
            if round % 7 == 0 { changed.guides["new/guide"] = old.manifest.guides.values.first }
            #expect(changed.encoded(reusing: old) == changed.encoded(), "round \(round)")
        }
    }

    /// Audiences added and removed: their units and calendars appear and vanish.
    @Test func audiencesComingAndGoingLeaveWhatRenderingEverythingLeaves() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golive-shortcuts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out"), full = root.appendingPathComponent("full")
        var tree = TrainingOutputFixture.tree
        let lyon = try #require(tree["audiences/agents-lyon.yaml"])
        _ = try IncrementalRenderTests.build(MemoryFiles(tree), out)
        let steps: [(String, ([String: String]) -> [String: String])] = [
            ("an audience added", { var t = $0; t["audiences/agents-nice.yaml"] = lyon.replacingOccurrences(of: "agents-lyon", with: "agents-nice"); return t }),
            ("an audience removed", { var t = $0; t["audiences/agents-nice.yaml"] = nil; return t }),
        ]
        for (name, step) in steps {
            tree = step(tree)
            try? FileManager.default.removeItem(at: full)
            try FileManager.default.copyItem(at: out, to: full)
            let (incremental, rendered) = try IncrementalRenderTests.build(MemoryFiles(tree), out)
            let (everything, _) = try IncrementalRenderTests.build(MemoryFiles(tree), full, reuse: false)
            #expect(!rendered.units.isEmpty, "\(name)")
            let (mine, theirs) = (IncrementalRenderTests.tree(out), IncrementalRenderTests.tree(full))
            #expect(Set(mine.keys) == Set(theirs.keys), "after \(name)")
            #expect(mine.keys.filter { mine[$0] != theirs[$0] }.sorted() == [], "after \(name)")
            #expect(incremental.warnings == everything.warnings, "after \(name)")
        }
        // The removed audience's folder goes with its files.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("agents-nice").path))
    }

    /// The profile cache is the build's own: written beside the manifest, never listed as an output,
    /// and a damaged one is read as no cache at all.
    @Test func theBuildCacheIsKeptBesideTheManifestAndADamagedOneIsIgnored() throws {
        let out = RebuildTests.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try IncrementalRenderTests.build(TrainingOutputFixture.files(), out)
        let cache = out.appendingPathComponent(BuildCache.fileName)
        let written = try Data(contentsOf: cache)
        #expect(BuildCache(data: written)?.count == TrainingOutputFixture.tree.keys.filter { $0.hasPrefix("audiences/") }.count)
        let manifest = try #require(Manifest.load(from: out))
        #expect(!manifest.files.keys.contains(BuildCache.fileName))

        // A profile edited since: its page shows the edit, whatever the cache says.
        let edited = TrainingOutputFixture.files(["audiences/agents-lyon.yaml": { $0.replacingOccurrences(of: "headcount: 120", with: "headcount: 125") }])
        let before = IncrementalRenderTests.tree(out)
        try Data("not a cache".utf8).write(to: cache)
        let (_, rendered) = try IncrementalRenderTests.build(edited, out)
        #expect(rendered.project.plan.audiences.first { $0.id == "agents-lyon" }?.headcount == 125)
        #expect(rendered.project.buildCache.reused == 0)
        #expect(try Data(contentsOf: cache) != Data("not a cache".utf8))
        #expect(IncrementalRenderTests.tree(out) != before)
        // And the next build reads every unchanged profile from it.
        let (_, again) = try IncrementalRenderTests.build(edited, out)
        #expect(again.project.buildCache.reused == again.project.plan.audiences.count)

        // A rebuild that takes every profile and the schedule from the cache keeps its bytes rather than
        // encoding it again: they must be what encoding it again gives.
        let kept = try Data(contentsOf: cache)
        let withFeedback = TrainingOutputFixture.files(["audiences/agents-lyon.yaml": { $0.replacingOccurrences(of: "headcount: 120", with: "headcount: 125") },
                                                        "feedback/first-week.yaml": { $0 + RebuildTests.newEntry }])
        let (_, feedbackOnly) = try IncrementalRenderTests.build(withFeedback, out)
        #expect(feedbackOnly.project.buildCache.reused == feedbackOnly.project.buildCache.count)
        #expect(try Data(contentsOf: cache) == kept)
        var anew = feedbackOnly.project.buildCache
        anew.schedule = feedbackOnly.planned.training.map { (BuildCache.scheduleKey(renderKey: feedbackOnly.project.renderKey), $0) }
        #expect(anew.encoded() == kept)
        // A profile added: read, not taken from the cache, which is then encoded anew with it.
        var tree = TrainingOutputFixture.tree
        tree["audiences/agents-lyon.yaml"] = tree["audiences/agents-lyon.yaml"]?.replacingOccurrences(of: "headcount: 120", with: "headcount: 125")
        tree["audiences/agents-nice.yaml"] = tree["audiences/agents-lyon.yaml"]?.replacingOccurrences(of: "agents-lyon", with: "agents-nice")
        let (_, added) = try IncrementalRenderTests.build(MemoryFiles(tree), out)
        #expect(added.project.buildCache.reused == added.project.buildCache.count - 1)
        #expect(BuildCache(data: try Data(contentsOf: cache))?.count == added.project.buildCache.count)
    }
}
