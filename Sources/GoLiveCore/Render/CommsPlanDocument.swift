/// `out/comms-plan.md|html`: every send for the comms team, in the project's default language.
struct CommsPlanDocument {
    let plan: Plan
    let sends: [Send]

    func page() -> PageRenderer.Page {
        let language = plan.project.defaultLanguage
        let audiences = Dictionary(uniqueKeysWithValues: plan.audiences.map { ($0.id, $0) })
        let rows: [[String: Any]] = sends.compactMap { send in
            guard let audience = audiences[send.audienceID],
                  let communication = plan.communications.first(where: { $0.id == send.communicationID }) else { return nil }
            return [
                "date": send.moment.date.description,
                "time": send.moment.time.description,
                "message": communication.id,
                "link": "",
                "channel": Words.channel(communication.channel, language),
                "audience": audience.name,
                "wave": plan.wave(send.waveID)?.name ?? send.waveID,
                "headcount": audience.headcount,
            ]
        }
        let perAudience: [[String: Any]] = plan.audiences.map { audience in
            ["audience": audience.name,
             "count": sends.filter { $0.audienceID == audience.id }.count,
             "headcount": audience.headcount]
        }
        let waves: [[String: Any]] = plan.deployment.waves.map { wave in
            let members = plan.audiences(in: wave)
            return ["name": wave.name, "date": wave.date.description,
                    "audienceCount": members.count, "headcount": members.reduce(0) { $0 + $1.headcount }]
        }
        let reach = sends.reduce(0) { $0 + (audiences[$1.audienceID]?.headcount ?? 0) }
        let title = language == .fr ? "Plan de communication — \(plan.project.name)" : "Communication plan — \(plan.project.name)"
        return PageRenderer.Page(stem: "comms-plan", template: "comms-plan", language: language, title: title, context: [
            "decision": Words.decision(plan.decision.status, language),
            "timezone": plan.project.timezoneID,
            "waves": waves,
            "sends": rows,
            "hasSends": !rows.isEmpty,
            "perAudience": perAudience,
            "sendCount": rows.count,
            "reach": reach,
        ])
    }
}
