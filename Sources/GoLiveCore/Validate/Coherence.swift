/// Checks that need the whole plan and are about good practice more than syntax: warnings mostly.
struct Coherence {
    let plan: Plan

    /// One relay (manager, champion) per 20 people is the usual super-user ratio.
    static let peoplePerRelay = 20

    func check(_ d: inout Diagnostics) {
        for audience in plan.audiences {
            let needed = (audience.headcount + Self.peoplePerRelay - 1) / Self.peoplePerRelay
            if audience.relays.count < needed {
                let relays = audience.relays.count == 1 ? "1 relay" : "\(audience.relays.count) relays"
                d.warning(audience.relaysLocation, "audience '\(audience.id)' has \(relays) for \(audience.headcount) people: "
                          + "the usual ratio of one per \(Self.peoplePerRelay) needs \(needed)")
            }
            if !audience.channels.isEmpty {
                let unusual = plan.communications.filter { $0.targets(audience) && !audience.channels.contains($0.channel) }
                for channel in Set(unusual.map(\.channel)).sorted(by: { $0.rawValue < $1.rawValue }) {
                    let ids = unusual.filter { $0.channel == channel }.map(\.id).joined(separator: ", ")
                    d.warning(audience.channelsLocation, "audience '\(audience.id)' receives \(ids) by \(channel.rawValue), "
                              + "which is not among its channels (\(audience.channels.map(\.rawValue).joined(separator: ", ")))")
                }
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
