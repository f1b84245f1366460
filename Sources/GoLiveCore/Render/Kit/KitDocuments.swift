/// `out/<audience>/kit.md|html` for every audience. The relay-coverage warning is the
/// validation stage's (`Coherence`); the kit only reminds relays of the ratio.
struct KitDocuments {
    let plan: Plan
    let planned: Planned
    let pages: PageRenderer
    /// The path of every output rendered before the kits, so the kits link only to files that exist.
    let existing: Set<String>

    func render(_ audience: Audience, _ d: inout Diagnostics) -> [OutputFile] {
        guard let wave = plan.wave(audience.waveID) else { return [] }
        return pages.render(KitPage(plan: plan, planned: planned, audience: audience, wave: wave, existing: existing).page(), &d)
    }
}
