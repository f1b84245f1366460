import Foundation

/// One audience's guide with its version: the plan's `version` on a first build, then one minor
/// version more each time what this audience reads changes (1.0 → 1.1), with the list of changes.
public struct GuideEdition: Sendable {
    public var guide: AudienceGuide
    public var version: String
    /// The changes that made `version`; empty while the guide is still at the plan's version.
    public var changes: [Manifest.GuideChange]
    /// Resolved issue id → the version in which it was first shown as fixed.
    public var fixedIn: [String: String]
    /// What the next build compares against.
    public var record: Manifest.GuideVersionRecord
    /// Whether `version` came from changes (it then gets a "What's new in `version`" part).
    public var isUpdate: Bool
}

public enum GuideVersioning {
    /// The manifest key of a guide as an audience reads it.
    public static func key(guide: String, audience: String) -> String { "\(guide)/\(audience)" }

    /// Every guide of the plan for every audience, versioned against `history` (nil: a first build).
    public static func editions(_ plan: Plan, history: Manifest?) -> [GuideEdition] {
        let bases = Dictionary(plan.guides.map { ($0.id, $0.version) }, uniquingKeysWith: { first, _ in first })
        let (guides, groups) = GuideSelection.grouped(plan)
        let digests = groupedContentDigests(guides, groups: groups)
        // Each audience's guide is compared on its own: a thousand of them, on every core.
        return Parallel.map(Array(zip(guides, digests)), threads: ProcessInfo.processInfo.activeProcessorCount) { guide, digest in
            edition(guide, base: bases[guide.guideID] ?? "1.0",
                    previous: history?.guides[key(guide: guide.guideID, audience: guide.audienceID)], digest: digest)
        }
    }

    public static func edition(_ guide: AudienceGuide, base: String,
                               previous: Manifest.GuideVersionRecord?) -> GuideEdition {
        edition(guide, base: base, previous: previous, digest: contentDigest(guide))
    }

    /// `digest`: the guide's `contentDigest`, when the caller has it.
    static func edition(_ guide: AudienceGuide, base: String, previous: Manifest.GuideVersionRecord?,
                        digest: String) -> GuideEdition {
        // The records are made from the same parts as the content digest: an unchanged guide has the
        // records it had, and most guides of a rebuild are unchanged.
        let same = previous.flatMap { $0.digest == digest ? $0 : nil }
        let sections = same?.sections ?? sectionRecords(guide)
        let feedback = same?.feedback ?? feedbackRecords(guide)
        var version = base
        var changes: [Manifest.GuideChange] = []
        if let previous {
            if previous.digest == digest {
                version = previous.version
                changes = previous.changes
            } else {
                version = GuideVersionNumber.bumped(previous.version)
                changes = diff(previous, guide, sections: sections, feedback: feedback)
            }
            // A plan whose base version moved past the history (a new major version) starts from it.
            if GuideVersionNumber.compare(base, version) == .orderedDescending {
                version = base
                changes = []
            }
        }
        var fixedIn: [String: String] = [:]
        for entry in guide.fixed {
            let wasFixed = previous?.feedback?[entry.id]?.status == FeedbackEntry.Status.resolved.rawValue
            fixedIn[entry.id] = wasFixed ? (previous?.fixedIn?[entry.id] ?? version) : version
        }
        let record = Manifest.GuideVersionRecord(version: version, digest: digest, changes: changes,
                                                 language: guide.contentLanguage.rawValue,
                                                 sections: sections, feedback: feedback, fixedIn: fixedIn)
        return GuideEdition(guide: guide, version: version, changes: changes, fixedIn: fixedIn, record: record,
                            isUpdate: GuideVersionNumber.compare(version, base) == .orderedDescending)
    }

    // MARK: digests

    /// The digest of every part joined with U+001F, fed part by part: a thousand audiences' guides
    /// are digested on every build, and joining them first copied each one.
    static func contentDigest(_ guide: AudienceGuide) -> String {
        var hash = Digest.FNV1a()
        var first = true
        func add(_ part: String) {
            if !first { hash.add("\u{1F}") }
            first = false
            hash.add(part)
        }
        for part in [guide.contentLanguage.rawValue, guide.title, guide.preamble] { add(part) }
        for section in guide.sections {
            add("\(section.level) \(section.slug) \(section.heading)\n")
            hash.add(section.body)   // the same part as the line above: no separator between them
            section.feedback.map(entryText).forEach(add)
        }
        add("unplaced")
        guide.unplaced.map(entryText).forEach(add)
        add("fixed")
        guide.fixed.map(entryText).forEach(add)
        return hash.digest
    }

    private static func entryText(_ e: FeedbackEntry) -> String {
        [e.id, e.kind.rawValue, e.status.rawValue, e.section.value, e.text, e.answer ?? ""].joined(separator: "\u{1E}")
    }

    static func sectionRecords(_ guide: AudienceGuide) -> [String: Manifest.SectionRecord] {
        var records: [String: Manifest.SectionRecord] = [:]
        records.reserveCapacity(guide.sections.count + 1)
        for s in guide.sections { records[s.slug] = Manifest.SectionRecord(heading: s.heading, digest: s.digest) }
        records[""] = Manifest.SectionRecord(heading: "", digest: Digest.fnv1a(guide.title + "\n" + guide.preamble))
        return records
    }

    /// A section's recorded digest (`AudienceGuide.Section.digest`).
    static func sectionDigest(level: Int, heading: String, body: String) -> String {
        Digest.fnv1a("\(level) \(heading)\n\(body)")
    }

    /// Each guide's `contentDigest`, made once per group of guides with the same content
    /// (`GuideSelection.grouped`), on every core: most of a large plan's audiences read the same sections
    /// with the same feedback.
    static func groupedContentDigests(_ guides: [AudienceGuide], groups: [Int]) -> [String] {
        var representatives: [Int] = []
        for (index, group) in groups.enumerated() where group == representatives.count { representatives.append(index) }
        let digests = Parallel.map(representatives, threads: ProcessInfo.processInfo.activeProcessorCount) { contentDigest(guides[$0]) }
        return groups.map { digests[$0] }
    }

    static func feedbackRecords(_ guide: AudienceGuide) -> [String: Manifest.FeedbackRecord] {
        var records: [String: Manifest.FeedbackRecord] = [:]
        for e in guide.sections.flatMap(\.feedback) + guide.unplaced + guide.fixed {
            records[e.id] = Manifest.FeedbackRecord(status: e.status.rawValue,
                                                    digest: Digest.fnv1a([e.text, e.answer ?? "", e.section.value].joined(separator: "\u{1E}")))
        }
        return records
    }

    // MARK: what changed

    static func diff(_ previous: Manifest.GuideVersionRecord, _ guide: AudienceGuide,
                     sections: [String: Manifest.SectionRecord],
                     feedback: [String: Manifest.FeedbackRecord]) -> [Manifest.GuideChange] {
        var changes: [Manifest.GuideChange] = []
        let before = previous.sections ?? [:]
        if let old = before[""], old.digest != sections[""]?.digest { changes.append(.init(.introductionUpdated, guide.title)) }
        for s in guide.sections {
            guard let now = sections[s.slug] else { continue }
            if let old = before[s.slug] {
                if old.digest != now.digest { changes.append(.init(.sectionUpdated, s.heading)) }
            } else {
                changes.append(.init(.sectionAdded, s.heading))
            }
        }
        for (slug, old) in before.sorted(by: { $0.key < $1.key }) where !slug.isEmpty && sections[slug] == nil {
            changes.append(.init(.sectionRemoved, old.heading))
        }
        let oldFeedback = previous.feedback ?? [:]
        var headingOf: [String: String] = [:]
        for s in guide.sections { for e in s.feedback { headingOf[e.id] = s.heading } }
        for e in guide.sections.flatMap(\.feedback) + guide.unplaced {
            let section = headingOf[e.id]
            guard let old = oldFeedback[e.id] else {
                let kind: Manifest.GuideChange.Kind = e.kind == .issue ? .issueAdded : e.kind == .tip ? .tipAdded : .questionAnswered
                changes.append(.init(kind, e.text, section: section))
                continue
            }
            if old.status == FeedbackEntry.Status.resolved.rawValue, e.kind == .issue {
                changes.append(.init(.issueReopened, e.text, section: section))
            } else if old.status != e.status.rawValue, e.status == .workaround {
                changes.append(.init(.workaroundAvailable, e.text, section: section))
            } else if old.digest != feedback[e.id]?.digest {
                changes.append(.init(.answerUpdated, e.text, section: section))
            }
        }
        // Resolutions are not listed here: the "Fixed" list of the same part shows each once, marked new.
        let current = Set(feedback.keys)
        for id in oldFeedback.keys.sorted() where !current.contains(id) {
            changes.append(.init(.feedbackRemoved, id))
        }
        return changes
    }
}
