import Foundation
import Testing
@testable import GoLiveCore

/// Digests decide what a build rewrites and which guide versions move: a digest that missed a
/// change would leave a stale document in the output folder.
@Suite("Digests")
struct DigestTests {
    /// The published FNV-1a 64 test vectors: the text digest must never change, or every guide's
    /// version would move on the next build.
    @Test func theTextDigestIsFNV1a() {
        #expect(Digest.fnv1a("") == "cbf29ce484222325")
        #expect(Digest.fnv1a("a") == "af63dc4c8601ec8c")
        #expect(Digest.fnv1a("foobar") == "85944171f73967e8")
    }

    @Test func everyOneByteChangeAndEveryLengthGivesAnotherFileDigest() {
        var random = SystemRandomNumberGenerator()
        var seen: [String: Data] = [:]
        for length in 0..<70 {
            let data = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) })
            var variants = [data, data + [0]]
            for index in 0..<length {
                var changed = data
                changed[index] ^= 1 << UInt8(index % 8)
                variants.append(changed)
            }
            for variant in variants {
                let digest = Digest.contents(variant)
                if let earlier = seen[digest] { #expect(earlier == variant, "collision at length \(length)") }
                seen[digest] = variant
            }
        }
        #expect(seen.count > 2_000)
    }

    @Test func aSliceDigestsLikeItsBytes() {
        let whole = Data("Passage à Atlas: ce qu'il faut savoir".utf8)
        let slice = whole[5..<29]
        #expect(Digest.contents(slice) == Digest.contents(Data(slice)))
        #expect(Digest.contents(whole) == Digest.contents(Data(whole)))
    }

    /// A guide's content digest decides whether its version moves: fed part by part, it must equal
    /// the digest of the parts joined, as earlier builds computed it.
    @Test func aGuidesContentDigestIsTheDigestOfItsJoinedParts() throws {
        let plan = try LoadedProject.load(TrainingOutputFixture.files(["feedback/first-week.yaml": { $0 + RebuildTests.newEntry }])).plan
        let guides = GuideSelection.all(plan)
        #expect(guides.count >= 6)
        #expect(guides.contains { !$0.sections.flatMap(\.feedback).isEmpty })
        for guide in guides {
            func entry(_ e: FeedbackEntry) -> String {
                [e.id, e.kind.rawValue, e.status.rawValue, e.section.value, e.text, e.answer ?? ""].joined(separator: "\u{1E}")
            }
            var parts = [guide.contentLanguage.rawValue, guide.title, guide.preamble]
            for section in guide.sections {
                parts.append("\(section.level) \(section.slug) \(section.heading)\n\(section.body)")
                parts += section.feedback.map(entry)
            }
            parts += ["unplaced"] + guide.unplaced.map(entry) + ["fixed"] + guide.fixed.map(entry)
            #expect(GuideVersioning.contentDigest(guide) == Digest.fnv1a(parts.joined(separator: "\u{1F}")), "\(guide.audienceID)")
        }
    }
}
