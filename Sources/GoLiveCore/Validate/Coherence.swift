/// Checks that need the whole plan and are about good practice more than syntax: warnings mostly.
struct Coherence {
    let plan: Plan

    /// One relay (manager, champion) per 20 people is the usual super-user ratio.
    static let peoplePerRelay = 20

    func check(_ d: inout Diagnostics) {
        for audience in plan.audiences {
            let needed = (audience.headcount + Self.peoplePerRelay - 1) / Self.peoplePerRelay
            if audience.relays.count < needed {
                d.warning(audience.location, "audience '\(audience.id)' has \(audience.relays.count) relay(s) for \(audience.headcount) people: "
                          + "the usual ratio of one per \(Self.peoplePerRelay) needs \(needed)")
            }
            let emailed = plan.communications.contains { $0.channel == .email && $0.targets(audience) }
            if emailed, audience.mailingList == nil {
                d.warning(audience.location, "audience '\(audience.id)' receives email communications but has no 'mailing_list': its .eml drafts have no recipient")
            }
        }
        for communication in plan.communications where !plan.audiences.contains(where: communication.targets) {
            if !plan.audiences.isEmpty {
                d.warning(communication.location, "communication '\(communication.id)' targets no audience")
            }
        }
    }
}
