/// One message to one audience at one moment: a row of the communication plan.
public struct Send: Sendable, Hashable {
    public var communicationID: String
    public var audienceID: String
    public var waveID: String
    public var moment: LocalMoment

    /// `2027-02-17-teaser`: the message's file name under `out/<audience>/comms/`.
    public var fileStem: String { moment.date.description + "-" + communicationID }
}

public enum CommsCalendar {
    /// Every send of the plan, in the order the comms team works: by moment, then audience, then message.
    public static func sends(for plan: Plan) -> [Send] {
        // Ten thousand sends at a thousand audiences: sorted on numbers (the moment's wall-clock minutes,
        // the audience's and the message's places in id order), which order them as the ids would.
        let (audienceRank, messageRank) = (ranks(plan.audiences.map(\.id)), ranks(plan.communications.map(\.id)))
        var keyed: [(minutes: Int, audience: Int, message: Int, send: Send)] = []
        for communication in plan.communications {
            let message = messageRank[communication.id] ?? 0
            // By index: `for audience in` copies each audience, retaining and releasing each of its many
            // fields, for each communication.
            for index in plan.audiences.indices where communication.targets(plan.audiences[index]) {
                guard let wave = plan.wave(plan.audiences[index].waveID) else { continue }
                let (id, moment) = (plan.audiences[index].id, communication.at.resolve(j: wave.date, defaultTime: Communication.defaultSendTime))
                keyed.append((moment.wallMinutes, audienceRank[id] ?? 0, message,
                              Send(communicationID: communication.id, audienceID: id, waveID: wave.id, moment: moment)))
            }
        }
        keyed.sort { ($0.minutes, $0.audience, $0.message) < ($1.minutes, $1.audience, $1.message) }
        return keyed.map(\.send)
    }

    /// Each id's place among `ids` in `<` order (a repeated id has one place).
    private static func ranks(_ ids: [String]) -> [String: Int] {
        var ranks: [String: Int] = [:]
        for id in ids.sorted() where ranks[id] == nil { ranks[id] = ranks.count }
        return ranks
    }
}
