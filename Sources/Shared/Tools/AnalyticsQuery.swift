import Foundation

/// The arguments of `get_conversation_analytics`, resolved: filters, the half-open interval
/// [start, end) in absolute time, and the metrics to keep (API.md Precise rules, Analytics).
public struct AnalyticsQuery: Sendable, Hashable {
    public static let metricNames: [String] = [
        "total_conversations", "unique_users", "avg_messages_per_conversation", "intent_distribution",
        "sentiment_analysis", "peak_hours", "completion_rate", "avg_duration_s", "avg_first_response_time_s",
        "avg_response_time_s", "top_topics", "platforms", "error_rate",
    ]

    public var userID: String?
    public var platform: String?
    public var channelID: String?
    /// Inclusive lower bound; nil when open.
    public var start: Date?
    /// Exclusive upper bound; nil when open.
    public var end: Date?
    /// The metrics asked for, in the contract's order; nil keeps every one.
    public var metrics: [String]?

    public init(userID: String? = nil, platform: String? = nil, channelID: String? = nil, start: Date? = nil, end: Date? = nil, metrics: [String]? = nil) {
        self.userID = userID
        self.platform = platform
        self.channelID = channelID
        self.start = start
        self.end = end
        self.metrics = metrics
    }

    /// Reads tool arguments (`user_id`, `platform`, `channel_id`, `date_range: {start, end}`,
    /// `metrics: [..]`). Date-only bounds are whole days in `timeZone`, both inclusive;
    /// RFC 3339 bounds are instants.
    public init(arguments: [String: JSONValue], timeZone: TimeZone) throws(ToolArgumentError) {
        var problems: [ArgumentProblem] = []
        func optionalString(_ key: String) -> String? {
            switch arguments[key] {
            case nil, .null?: return nil
            case .string(let s)? where !s.isEmpty && s.count <= 255: return s
            case .string?: problems.append(ArgumentProblem(key, "must be 1–255 characters")); return nil
            default: problems.append(ArgumentProblem(key, "must be a string")); return nil
            }
        }
        userID = optionalString("user_id").map(UserID.canonical)
        platform = optionalString("platform")
        channelID = optionalString("channel_id")
        switch arguments["date_range"] {
        case nil, .null?:
            break
        case .object(let range)?:
            for key in range.keys where key != "start" && key != "end" {
                problems.append(ArgumentProblem("date_range.\(key)", "unknown field; use start and end"))
            }
            func bound(_ key: String, isEnd: Bool) -> Date? {
                switch range[key] {
                case nil, .null?: return nil
                case .string(let text)?:
                    if let date = Self.parseBound(text, isEnd: isEnd, timeZone: timeZone) { return date }
                    problems.append(ArgumentProblem("date_range.\(key)", "not a date (YYYY-MM-DD) or an RFC 3339 instant"))
                    return nil
                default:
                    problems.append(ArgumentProblem("date_range.\(key)", "must be a string"))
                    return nil
                }
            }
            start = bound("start", isEnd: false)
            end = bound("end", isEnd: true)
            if let start, let end, start > end {
                problems.append(ArgumentProblem("date_range", "start is after end"))
            }
        default:
            problems.append(ArgumentProblem("date_range", "must be an object {\"start\", \"end\"}"))
        }
        switch arguments["metrics"] {
        case nil, .null?:
            metrics = nil
        case .array(let items)?:
            var names: Set<String> = []
            for (i, item) in items.enumerated() {
                guard case .string(let name) = item else {
                    problems.append(ArgumentProblem("metrics[\(i)]", "must be a string"))
                    continue
                }
                if Self.metricNames.contains(name) {
                    names.insert(name)
                } else {
                    problems.append(ArgumentProblem("metrics[\(i)]", "unknown metric \"\(name)\"; known: \(Self.metricNames.joined(separator: ", "))"))
                }
            }
            metrics = Self.metricNames.filter(names.contains)
        default:
            problems.append(ArgumentProblem("metrics", "must be an array of metric names"))
        }
        if !problems.isEmpty { throw ToolArgumentError(problems) }
    }

    /// A `YYYY-MM-DD` day (its start, or for an end bound the start of the next day) in
    /// `timeZone`, or an RFC 3339 instant.
    static func parseBound(_ text: String, isEnd: Bool, timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let components = DateComponents(year: year, month: month, day: day)
            guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
            return isEnd ? calendar.date(byAdding: .day, value: 1, to: date) : date
        }
        guard text.contains("T") || text.contains("t") else { return nil }
        return RFC3339.parse(text)
    }

    /// The arguments again, with the bounds as RFC 3339 instants (what travels on the stream).
    public var arguments: JSONValue {
        var object: [String: JSONValue] = [:]
        if let userID { object["user_id"] = .string(userID) }
        if let platform { object["platform"] = .string(platform) }
        if let channelID { object["channel_id"] = .string(channelID) }
        if start != nil || end != nil {
            object["date_range"] = [
                "start": start.map { .string(RFC3339.formatPrecise($0)) } ?? .null,
                "end": end.map { .string(RFC3339.formatPrecise($0)) } ?? .null,
            ]
        }
        if let metrics { object["metrics"] = .array(metrics.map { .string($0) }) }
        return .object(object)
    }
}
