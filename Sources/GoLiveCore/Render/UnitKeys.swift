/// The keys of the render units (see `RenderUnit`), and the views of the plan that keep each unit
/// to what its key covers.
struct UnitKeys: Sendable {
    /// Every input file read except feedback, with GoLive's version and built-in templates. No option
    /// changes a document: `--allow-no-go` only lets a no-go plan through to rendering.
    let base: String
    /// `base` fed to a fingerprint once: thousands of units' keys go on from it.
    private let baseFingerprint: Fingerprint
    private let entries: [(entry: FeedbackEntry, digest: String)]

    init(project: LoadedProject) {
        base = project.renderKey
        var fingerprint = Fingerprint()
        fingerprint.add(base)
        baseFingerprint = fingerprint
        entries = project.plan.feedback.map { ($0, Self.digest($0)) }
    }

    /// Every field of a feedback entry, source positions included: a unit's warnings may point at them.
    /// Written out field by field: `String(reflecting:)` covered them through a Mirror, at half a
    /// million instructions an entry (tested: each field changes the digest, and the fields counted
    /// are all the entry has).
    static func digest(_ e: FeedbackEntry) -> String {
        var f = Fingerprint(e.id, e.date.description, e.guide, e.section.value, e.section.location.description,
                            e.kind.rawValue, e.text, e.status.rawValue,
                            e.location.description, e.audienceLocation.description, e.guideLocation.description)
        // An absent value is the empty part after a marker, so it differs from any text.
        for optional in [e.audience, e.answer] {
            f.add(optional == nil ? "-" : "+")
            f.add(optional ?? "")
        }
        return f.value
    }

    /// The stored properties `digest` covers: a field added to `FeedbackEntry` must be added there.
    static let digestedFeedbackFields = 12

    /// A unit made from the base inputs alone.
    func key(_ name: String, _ parts: String...) -> String {
        key(name, parts: parts)
    }

    /// `key(name, parts...)` for parts listed at run time.
    func key(_ name: String, parts: [String]) -> String {
        var key = baseFingerprint   // the same as `Fingerprint(base, name)`, without hashing `base` again
        key.add(name)
        for part in parts { key.add(part) }
        return key.value
    }

    /// The feedback entries a unit shows, digested: those `include` accepts.
    func feedback(_ include: (FeedbackEntry) -> Bool) -> String {
        var key = Fingerprint()
        for (entry, digest) in entries where include(entry) { key.add(digest) }
        return key.value
    }

    /// `feedback(UnitKeys.shownTo(id))` for every audience of `ids` at once: the entries for everyone
    /// are walked once, not once per audience.
    func feedbackShown(to ids: [String]) -> [String: String] {
        var own: [String: [Int]] = [:]
        var everyone: [Int] = []
        for (index, item) in entries.enumerated() {
            if let id = item.entry.audience { own[id, default: []].append(index) } else { everyone.append(index) }
        }
        var keys: [String: String] = [:]
        keys.reserveCapacity(ids.count)
        for id in ids {
            // The two lists merged in file order, as `feedback` walks them.
            var key = Fingerprint()
            var (i, j, mine) = (0, 0, own[id] ?? [])
            while i < everyone.count || j < mine.count {
                if j == mine.count || (i < everyone.count && everyone[i] < mine[j]) { key.add(entries[everyone[i]].digest); i += 1 }
                else { key.add(entries[mine[j]].digest); j += 1 }
            }
            keys[id] = key.value
        }
        return keys
    }

    /// `plan` holding only the feedback entries `include` accepts: a unit rendered from it cannot
    /// show any entry its key leaves out.
    func plan(_ plan: Plan, feedback include: (FeedbackEntry) -> Bool) -> Plan {
        var view = plan
        view.feedback = plan.feedback.filter(include)
        return view
    }

    /// What an audience's documents show: its own entries and everyone's.
    static func shownTo(_ audienceID: String) -> @Sendable (FeedbackEntry) -> Bool { { GuideSelection.concerns($0, audienceID) } }
    /// What the handover dossier shows: the entries still open or on a workaround.
    static let unresolved: @Sendable (FeedbackEntry) -> Bool = { $0.status == .open || $0.status == .workaround }
    static let none: @Sendable (FeedbackEntry) -> Bool = { _ in false }

    /// What a guide edition adds to its inputs: the history it continues (version, what's new). Its
    /// record is not part of it: the guide page never shows the record, which is made from the guide's
    /// content (in the unit's other parts) and the same history.
    static func edition(_ e: GuideEdition) -> String {
        var key = Fingerprint(e.guide.guideID, e.guide.audienceID, e.version, e.isUpdate ? "update" : "")
        for change in e.changes { key.add(change.kind.rawValue); key.add(change.text); key.add(change.section ?? "") }
        for (id, version) in e.fixedIn.sorted(by: { $0.key < $1.key }) { key.add(id); key.add(version) }
        return key.value
    }

    /// The set of paths of the documents rendered before a unit that links to them, as a key: a sum of each path's digest, the same whatever the order, with no sort
    /// of tens of thousands of paths; kept up to date as units render rather than summed again.
    /// Two sets of the same paths have the same count and sum: a rebuild also compares the paths its
    /// last manifest records per unit with those it gives a digest (see `OutputWriter.intactUnits`).
    struct PathSet: Sendable, Equatable {
        private var count = 0
        private var sum: UInt64 = 0

        mutating func add(_ files: [OutputFile]) {
            // By index: `for file in files` copies each file, retaining and releasing its strings.
            for index in files.indices { add(files[index].path) }
        }

        /// Each path's bytes are digested eight at a time (`Digest.words`): a rebuild sums every path
        /// of the last build twice, and of this one once.
        mutating func add(_ path: String) {
            count += 1
            sum &+= withUTF8Bytes(of: path) { Digest.words(UnsafeRawBufferPointer($0)) }
        }

        static func + (left: PathSet, right: PathSet) -> PathSet {
            var both = left
            both.count += right.count
            both.sum &+= right.sum
            return both
        }

        var key: String { Fingerprint(String(count), String(sum)).value }
    }
}
