import Foundation

/// The manifest's calendar events (`Manifest.events`: UID → digest, SEQUENCE, DTSTAMP), as a rebuild
/// needs them: the last manifest's records stay as their bytes, checked as the manifest was read and
/// decoded one by one when asked for, and the records this build sets or removes are kept beside them.
/// At a thousand audiences the table holds 10,500 events; a rebuild after feedback asks for a handful,
/// and decoding them all (three strings each, and a dictionary) was a quarter of reading the manifest.
struct EventTable: Sendable, Equatable {
    /// The last manifest's events as read: UIDs in strictly ascending UTF-8 order, all ASCII, and where
    /// each record is in the manifest's bytes.
    final class Read: Sendable {
        let data: Data
        let uids: [String]
        let spans: [Range<Int>]

        init(data: Data, uids: [String], spans: [Range<Int>]) {
            (self.data, self.uids, self.spans) = (data, uids, spans)
        }

        /// Where `uid` is among `uids`. By binary search on UTF-8 order; a UID that is not ASCII is
        /// compared as Strings compare, one by one, since it may equal an ASCII one canonically
        /// (KELVIN SIGN is `K`), as it would in a dictionary.
        func index(of uid: String) -> Int? {
            guard uid.utf8.allSatisfy({ $0 < 0x80 }) else { return uids.firstIndex(of: uid) }
            var (low, high) = (0, uids.count)
            while low < high {
                let middle = (low + high) / 2
                if utf8Precedes(uids[middle], uid) { low = middle + 1 } else { high = middle }
            }
            return low < uids.count && uids[low] == uid ? low : nil
        }

        func record(at index: Int) -> Manifest.EventRecord? { Manifest.decodeEvent(data, spans[index]) }
    }

    private var read: Read?
    /// Records set since the last manifest was read, by UID; a nil record was removed. Without `read`,
    /// every record, none nil.
    private var changed: [String: Manifest.EventRecord?] = [:]
    private(set) var count: Int

    init(_ records: [String: Manifest.EventRecord]) {
        changed.reserveCapacity(records.count)
        for (uid, record) in records { changed[uid] = .some(record) }
        count = records.count
    }

    init(read: Read) {
        self.read = read
        count = read.uids.count
    }

    var isEmpty: Bool { count == 0 }

    subscript(uid: String) -> Manifest.EventRecord? {
        get {
            if let change = changed[uid] { return change }
            return read.flatMap { read in read.index(of: uid).flatMap(read.record(at:)) }
        }
        set {
            let had = changed[uid].map { $0 != nil } ?? (read?.index(of: uid) != nil)
            if read == nil, newValue == nil { changed[uid] = nil } else { changed.updateValue(newValue, forKey: uid) }
            count += (newValue == nil ? 0 : 1) - (had ? 1 : 0)
        }
    }

    /// Every record, decoded.
    var dictionary: [String: Manifest.EventRecord] {
        var all: [String: Manifest.EventRecord] = [:]
        all.reserveCapacity(count)
        if let read {
            for index in read.uids.indices where changed[read.uids[index]] == nil {
                if let record = read.record(at: index) { all[read.uids[index]] = record }
            }
        }
        for case let (uid, record?) in changed { all[uid] = record }
        return all
    }

    static func == (a: EventTable, b: EventTable) -> Bool { a.count == b.count && a.dictionary == b.dictionary }
}
