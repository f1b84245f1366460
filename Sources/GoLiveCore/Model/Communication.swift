/// One message of the communication plan, sent to each audience it targets, dated from that audience's wave.
public struct Communication: Sendable, Identifiable {
    public enum Channel: String, Sendable, CaseIterable { case email, intranet, teams, sms, meeting, print }
    public enum Targets: Sendable {
        case all
        case ids([Located<String>])
        case impact(Set<Audience.Impact>)
    }

    public var id: String
    public var template: Located<String>
    /// A day alone (`J-30`) is sent at `Communication.defaultSendTime`.
    public var at: MomentRef
    public var audiences: Targets
    public var channel: Channel
    public var sender: String?
    /// The `From:` of the `.eml` drafts: `address` or `Name <address>`, already validated.
    /// When absent, the person of the role `comms`, else `pmo`, is used (see docs/email.md).
    public var from: String? = nil
    public var location: SourceLocation

    public static let defaultSendTime = TimeOfDay(hour: 9, minute: 0)!

    public func targets(_ audience: Audience) -> Bool {
        switch audiences {
        case .all: return true
        case .ids(let ids): return ids.contains { $0.value == audience.id }
        case .impact(let levels): return levels.contains(audience.impact)
        }
    }
}
