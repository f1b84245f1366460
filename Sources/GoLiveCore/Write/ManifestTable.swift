import Foundation

/// A value of one of the manifest's big tables that can be decoded from its bytes alone.
protocol ManifestTableValue: Sendable, Equatable {
    /// The value whose JSON is at `span` in `data`, checked as the manifest was read.
    static func decode(_ data: Data, _ span: Range<Int>) -> Self?
}

/// One of the manifest's big tables (`files`: output path → digest; `events`: UID → digest,
/// SEQUENCE, DTSTAMP) as a rebuild needs it: the last manifest's entries stay as their bytes, checked
/// as the manifest was read and decoded one by one when asked for, and the entries this build sets or
/// removes are kept beside them. At a thousand audiences the tables hold 24,000 files and 10,500
/// events; a rebuild after feedback asks for a handful of each, and decoding them all (a string or
/// three each, and a dictionary) was half of reading the manifest.
struct ManifestTable<Value: ManifestTableValue>: Sendable, Equatable {
    /// The last manifest's table as read: keys in strictly ascending UTF-8 order, all ASCII, and where
    /// each value is in the manifest's bytes.
    final class Read: Sendable {
        let data: Data
        let keys: [String]
        let spans: [Range<Int>]

        init(data: Data, keys: [String], spans: [Range<Int>]) {
            (self.data, self.keys, self.spans) = (data, keys, spans)
        }

        /// Where `key` is among `keys`. By binary search on UTF-8 order; a key that is not ASCII is
        /// compared as Strings compare, one by one, since it may equal an ASCII one canonically
        /// (KELVIN SIGN is `K`), as it would in a dictionary.
        func index(of key: String) -> Int? {
            guard key.utf8.allSatisfy({ $0 < 0x80 }) else { return keys.firstIndex(of: key) }
            var (low, high) = (0, keys.count)
            while low < high {
                let middle = (low + high) / 2
                if utf8Precedes(keys[middle], key) { low = middle + 1 } else { high = middle }
            }
            return low < keys.count && keys[low] == key ? low : nil
        }

        func value(at index: Int) -> Value? { Value.decode(data, spans[index]) }
    }

    private var read: Read?
    /// Entries set since the last manifest was read, by key; a nil value was removed. Without `read`,
    /// every entry, none nil.
    private var changed: [String: Value?] = [:]
    private(set) var count: Int

    init(_ entries: [String: Value] = [:]) {
        changed = entries.mapValues { $0 }   // the same hash table, its values made optional: nothing hashed again
        count = entries.count
    }

    init(read: Read) {
        self.read = read
        count = read.keys.count
    }

    var isEmpty: Bool { count == 0 }

    subscript(key: String) -> Value? {
        get {
            if let change = changed[key] { return change }
            return read.flatMap { read in read.index(of: key).flatMap(read.value(at:)) }
        }
        set {
            let had = changed[key].map { $0 != nil } ?? (read?.index(of: key) != nil)
            if read == nil, newValue == nil { changed[key] = nil } else { changed.updateValue(newValue, forKey: key) }
            count += (newValue == nil ? 0 : 1) - (had ? 1 : 0)
        }
    }

    /// Every key, in no particular order.
    var keys: [String] {
        var all: [String] = []
        all.reserveCapacity(count)
        if let read { all += read.keys.filter { changed[$0] == nil } }
        for case let (key, _?) in changed { all.append(key) }
        return all
    }

    /// Every entry, decoded.
    var dictionary: [String: Value] {
        // Without a table read, `changed` holds every entry and no removal: its own hash table serves.
        guard let read else { return changed.mapValues { $0! } }
        var all: [String: Value] = [:]
        all.reserveCapacity(count)
        for index in read.keys.indices where changed[read.keys[index]] == nil {
            if let value = read.value(at: index) { all[read.keys[index]] = value }
        }
        for case let (key, value?) in changed { all[key] = value }
        return all
    }

    static func == (a: ManifestTable, b: ManifestTable) -> Bool { a.count == b.count && a.dictionary == b.dictionary }
}

typealias EventTable = ManifestTable<Manifest.EventRecord>

extension Manifest.EventRecord: ManifestTableValue {
    static func decode(_ data: Data, _ span: Range<Int>) -> Manifest.EventRecord? { Manifest.decodeEvent(data, span) }
}

extension String: ManifestTableValue {
    static func decode(_ data: Data, _ span: Range<Int>) -> String? { Manifest.decodeString(data, span) }
}
