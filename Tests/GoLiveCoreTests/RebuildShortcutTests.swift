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

    @Test func sharedGuideDigestsAreEachGuidesOwn() throws {
        for plan in try Self.plans() {
            let guides = GuideSelection.all(plan)
            let shared = GuideVersioning.sharedContentDigests(guides)
            #expect(shared == guides.map(GuideVersioning.contentDigest))
            #expect(Set(shared).count > 1)
        }
        // Audiences of the generated plan read the same content in groups, or the sharing proves nothing.
        let guides = GuideSelection.all(try Self.syntheticPlan())
        #expect(Set(GuideVersioning.sharedContentDigests(guides)).count < guides.count)
    }

    /// Audiences' guides are grouped by what they show, feedback entries by their digest: fed field by
    /// field, it must be the digest of the entry's fields joined, as it was first written.
    @Test func aFeedbackEntrysDigestIsThatOfItsJoinedFields() throws {
        for plan in try Self.plans() {
            #expect(!plan.feedback.isEmpty)
            for entry in plan.feedback {
                #expect(GuideVersioning.entryDigest(entry) == Digest.fnv1a(GuideVersioning.entryText(entry)), "\(entry.id)")
            }
        }
        var awkward = try #require(try Self.syntheticPlan().feedback.first)
        for text in ["", "é\u{1E}x", "😀 « guillemets »", "a\nb"] {
            awkward.text = text
            awkward.answer = text.isEmpty ? nil : text
            #expect(GuideVersioning.entryDigest(awkward) == Digest.fnv1a(GuideVersioning.entryText(awkward)))
        }
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
