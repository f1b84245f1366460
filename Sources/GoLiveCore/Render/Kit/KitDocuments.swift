/// `out/<audience>/kit.md|html` for every audience. The relay-coverage warning is the
/// validation stage's (`Coherence`); the kit only reminds relays of the ratio.
struct KitDocuments {
    let plan: Plan
    let planned: Planned
    let pages: PageRenderer
    /// Every output rendered before the kits, so the kits link only to files that exist.
    let earlier: [OutputFile]
    var shard = Shard.whole

    func render(_ d: inout Diagnostics) -> [OutputFile] {
        let existing = Set(earlier.map(\.path))
        return plan.audiences.enumerated().flatMap { index, audience -> [OutputFile] in
            guard shard.includes(index), let wave = plan.wave(audience.waveID) else { return [] }
            return pages.render(KitPage(plan: plan, planned: planned, audience: audience, wave: wave, existing: existing).page(), &d)
        }
    }
}
