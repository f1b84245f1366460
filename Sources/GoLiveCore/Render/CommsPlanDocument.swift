/// `out/comms-plan.md|html`: every send for the comms team, in the project's default language,
/// with a link to each message, totals per audience and per week, and a timeline of the campaign.
struct CommsPlanDocument {
    let plan: Plan
    let sends: [Send]

    func page() -> PageRenderer.Page {
        let l = plan.project.defaultLanguage
        let messages = MessageSchedule.messages(for: plan, sends: sends)
        let audiences = Dictionary(plan.audiences.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows: [[String: Any]] = messages.compactMap { m in
            guard let audience = audiences[m.send.audienceID] else { return nil }
            return [
                "date": DateWords.longDate(m.send.moment.date, l),
                "time": DateWords.time(m.send.moment.time, l),
                "message": m.send.communicationID,
                "link": m.stem + ".html",
                "file": m.fileToSend,
                "channel": Words.channel(m.channel, l),
                "audience": audience.name,
                "wave": plan.wave(m.send.waveID)?.name ?? m.send.waveID,
                "headcount": audience.headcount,
            ]
        }
        var counts: [String: Int] = [:]
        for m in messages { counts[m.send.audienceID, default: 0] += 1 }
        let perAudience: [[String: Any]] = plan.audiences.map { audience in
            ["audience": audience.name,
             "count": Words.count(counts[audience.id] ?? 0, "message", "messages"),
             "headcount": audience.headcount]
        }
        let waves: [[String: Any]] = plan.deployment.waves.map { wave in
            let members = plan.audiences(in: wave)
            return ["name": wave.name, "date": DateWords.longDate(wave.date, l),
                    "audienceCount": Words.count(members.count, "population", "populations"), "headcount": members.reduce(0) { $0 + $1.headcount }]
        }
        let reach = messages.reduce(0) { $0 + (audiences[$1.send.audienceID]?.headcount ?? 0) }
        let title = l == .fr ? "Plan de communication — \(plan.project.name)" : "Communication plan — \(plan.project.name)"
        return PageRenderer.Page(stem: "comms-plan", template: "comms-plan", language: l, title: title, context: [
            "decision": Words.decision(plan.decision.status, l),
            "timezone": plan.project.timezoneID,
            "waves": waves,
            "sends": rows,
            "sendRows": Self.sendRows(rows),
            "hasSends": !rows.isEmpty,
            "perAudience": perAudience,
            "audienceLines": Self.audienceLines(perAudience, l),
            "perWeek": perWeek(messages, audiences, l),
            "sendCount": rows.count,
            "reach": reach,
            "timeline": rows.isEmpty ? "" : CommsTimeline(plan: plan, messages: messages).svg(),
        ])
    }

    /// What `{{#sends}}<tr><td>{{date}}</td><td>{{time}}</td><td><a href="{{link}}">{{message}}</a></td><td>{{channel}}</td>`
    /// `<td>{{audience}}</td><td>{{wave}}</td><td>{{headcount}}</td></tr>⏎{{/sends}}` prints: a row per send of the plan.
    static func sendRows(_ rows: [[String: Any]]) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 220)
        for row in rows {
            out += "<tr><td>" + Preformatted.text(row["date"]) + "</td><td>" + Preformatted.text(row["time"])
            out += "</td><td><a href=\"" + Preformatted.text(row["link"]) + "\">" + Preformatted.text(row["message"])
            out += "</a></td>"
            Preformatted.cells(row, ["channel", "audience", "wave", "headcount"], into: &out)
            out += "</tr>\n"
        }
        return out
    }

    /// What `{{#perAudience}}- **{{audience}}**: {{count}}, {{headcount}} people⏎{{/perAudience}}` prints
    /// (in French `** : ` and `personnes`).
    static func audienceLines(_ items: [[String: Any]], _ l: Language) -> String {
        let colon = l == .fr ? "** : " : "**: ", unit = l == .fr ? " personnes\n" : " people\n"
        var out = ""
        for item in items {
            out += "- **" + Preformatted.text(item["audience"]) + colon + Preformatted.text(item["count"]) + ", "
            out += Preformatted.text(item["headcount"]) + unit
        }
        return out
    }

    /// Sends and expected reads per calendar week (Monday to Sunday), in date order.
    private func perWeek(_ messages: [ScheduledMessage], _ audiences: [String: Audience], _ l: Language) -> [[String: Any]] {
        let byWeek = Dictionary(grouping: messages) { m in
            m.send.moment.date.adding(days: 1 - m.send.moment.date.weekday)
        }
        return byWeek.keys.sorted().map { monday in
            let week = byWeek[monday] ?? []
            return ["week": DateWords.weekOf(monday, l),
                    "count": l == .fr ? Words.count(week.count, "envoi", "envois") : Words.count(week.count, "send", "sends"),
                    "reach": week.reduce(0) { $0 + (audiences[$1.send.audienceID]?.headcount ?? 0) }]
        }
    }
}
