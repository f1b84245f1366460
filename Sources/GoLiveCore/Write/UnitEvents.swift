import Foundation

/// A unit's calendar events (`Manifest.UnitRecord.events`: UID → the digests of its copies), as the
/// last manifest holds them: the bytes of their JSON object, checked as the manifest was read and
/// decoded only when asked for. A rebuild keeps thousands of units, the comms plan's alone with
/// 8,000 events at a thousand audiences, and needs the copies of the few events it rendered again:
/// decoding every unit's events was a sixth of reading the manifest.
struct UnitEvents: Sendable {
    private enum Form: Sendable {
        case value([String: [String]]?)
        /// The object's bytes in the manifest; `plainASCII`: no escape and no byte above 0x7F in it.
        case json(Data, Range<Int>, plainASCII: Bool)
    }

    private let form: Form

    init(_ value: [String: [String]]?) { form = .value(value) }

    /// `span`: a JSON object of strings to arrays of strings, already checked (`JSONReader.unitEvents`).
    init(json data: Data, _ span: Range<Int>, plainASCII: Bool) { form = .json(data, span, plainASCII: plainASCII) }

    var value: [String: [String]]? {
        switch form {
        case .value(let value): return value
        case .json(let data, let span, _): return Manifest.decodeUnitEvents(data, span)
        }
    }

    /// UIDs to look for in many units' events, with what the byte search needs made once: each UID
    /// quoted, as bytes, or nil when one of them is not ASCII (the bytes are then always decoded).
    struct Wanted {
        let uids: Set<String>
        fileprivate let needles: [[UInt8]]?

        init(_ uids: Set<String>) {
            self.uids = uids
            needles = uids.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? uids.map { Array(("\"" + $0 + "\"").utf8) } : nil
        }
    }

    /// The events of `wanted` among these, with their copies: the same as filtering `value`. The bytes
    /// are decoded only if they hold one of the UIDs as a JSON string. Byte equality is String
    /// equality when both sides are ASCII; otherwise (escapes, other scripts) they are decoded.
    func copies(among wanted: Wanted) -> [String: [String]] {
        guard !wanted.uids.isEmpty else { return [:] }
        if case .json(let data, let span, plainASCII: true) = form, let needles = wanted.needles,
           !needles.contains(where: { Self.holds(data, span, $0) }) {
            return [:]
        }
        return (value ?? [:]).filter { wanted.uids.contains($0.key) }
    }

    func copies(among uids: Set<String>) -> [String: [String]] { copies(among: Wanted(uids)) }

    /// Whether `needle` (a quoted UID) appears in `data[span]`.
    private static func holds(_ data: Data, _ span: Range<Int>, _ needle: [UInt8]) -> Bool {
        data.withUnsafeBytes { raw in
            guard span.upperBound <= raw.count, span.count >= needle.count else { return span.upperBound > raw.count }
            let bytes = UnsafeRawBufferPointer(rebasing: raw[span])
            // Every string starts with a quote: the second byte tells most candidates apart.
            let (first, second) = (needle[0], needle[1])
            var i = 0
            while i <= bytes.count - needle.count {
                if bytes[i] == first, bytes[i + 1] == second,
                   needle.indices.allSatisfy({ bytes[i + $0] == needle[$0] }) { return true }
                i += 1
            }
            return false
        }
    }
}
