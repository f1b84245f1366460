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

    /// The file digest reads its last bytes as one word where there are eight: it must give the number
    /// the byte-by-byte reading gave, or every manifest's file digests would change. Checked at every
    /// length up to 40 and every starting offset in a word (the bytes are then not aligned).
    @Test func theFileDigestsTailReadsAsItsBytes() {
        func byteByByte(_ raw: UnsafeRawBufferPointer) -> UInt64 {
            func fold(_ a: UInt64, _ b: UInt64) -> UInt64 { let (high, low) = a.multipliedFullWidth(by: b); return high ^ low }
            var hash: UInt64 = 0xa076_1d64_78bd_642f ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = fold(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) ^ 0xe703_7ed1_a0b4_28db,
                            hash ^ 0x8ebc_6af0_9c88_c6e3)
                offset += 8
            }
            var tail: UInt64 = 0
            for (index, byte) in raw[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(index)) }
            hash = fold(tail ^ 0x5899_65cc_7537_4cc3, hash ^ 0x1d8e_4e27_c47d_124f)
            return fold(hash, 0xe703_7ed1_a0b4_28db)
        }
        let bytes = (0..<48).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 201) }
        bytes.withUnsafeBytes { all in
            for start in 0..<8 {
                for length in 0...40 {
                    let raw = UnsafeRawBufferPointer(rebasing: all[start..<start + length])
                    #expect(Digest.words(raw) == byteByByte(raw), "length \(length) at \(start)")
                }
            }
        }
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
