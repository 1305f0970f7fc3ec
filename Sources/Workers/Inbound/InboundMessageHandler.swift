import Foundation
import Logging
import PostgresNIO
import Shared

/// Stores webhook messages (`inbound.message`). A batch is one transaction of three multi-row
/// statements (`unnest` of array binds), whatever its size:
///
/// 1. each user's open session on the platform is found or opened;
/// 2. messages are inserted, skipping those already stored (unique platform message id);
/// 3. profiles are created or updated in one statement: contact details fill gaps and the
///    statistics move by the messages that were actually inserted (one row version per user
///    and batch, not two);
///
/// and a message that is only an opt-out or opt-in word sets the profile's `opted_out`.
///
/// Every statement is idempotent, so a redelivered batch changes nothing. Rows are written in
/// a fixed order (sessions, then profiles, each by user id; `save_conversation` takes the same
/// order) so two workers' transactions cannot deadlock on each other.
/// After the commit the users' cached answers (`UserCache`) are made stale.
public struct InboundMessageHandler: EnvelopeHandler {
    let postgres: PostgresClient
    let cache: UserCache?

    public init(postgres: PostgresClient, cache: UserCache? = nil) {
        self.postgres = postgres
        self.cache = cache
    }

    public var kinds: [String] { [EnvelopeKind.inboundMessage] }

    /// An open session's `last_activity_at` moves only once it is this old: a burst of
    /// messages then leaves every indexed column of the session row as it was, so PostgreSQL
    /// updates it in place (a HOT update) instead of writing all five of its index entries
    /// again per message. The idle closer (`SESSION_IDLE_MIN`) is late by at most this.
    static let activityResolutionSeconds = 60

    public func handle(_ batch: [Envelope], logger: Logger) async throws {
        var seen = Set<String>()
        var messages: [InboundMessage] = []
        for envelope in batch {
            let message = try envelope.decodeBody(InboundMessage.self)
            if logger.logLevel <= .debug {
                logger.debug("inbound message", metadata: ["request.id": "\(envelope.trace)", "message.kind": "\(envelope.kind)", "message.platform": "\(message.platform)"])
            }
            // The same event twice in one batch (a quick redelivery) is stored once.
            if seen.insert(message.platform + "\u{1F}" + message.platformMessageId).inserted {
                messages.append(message)
            }
        }
        guard !messages.isEmpty else { return }
        messages.sort { ($0.userId, $0.sentAt) < ($1.userId, $1.sentAt) }
        // Edits (Telegram edited_message) change a stored message's text and analysis; they add no row.
        let edits = messages.filter { $0.isEdit == true }
        let originals = messages.filter { $0.isEdit != true }
        // Analysed before the transaction, whose row locks (sessions, then profiles) are held
        // from its first statement to its commit while other workers' batches for the same
        // users wait on them.
        let analysisStart = ContinuousClock.now
        let analyses = originals.map { MessageAnalyzer.analyze($0.text ?? "") }
        if !originals.isEmpty {
            TalkHubMetrics.analysis(duration: (ContinuousClock.now - analysisStart) / originals.count)
        }
        try await postgres.withTransaction(logger: logger) { connection in
            if !originals.isEmpty {
                try await Self.store(originals, analyses: analyses, on: connection, logger: logger)
                try await InboundStatusHandler.applyPending(
                    platforms: originals.map(\.platform), ids: originals.map(\.platformMessageId), on: connection, logger: logger
                )
            }
            if !edits.isEmpty {
                try await Self.applyEdits(edits, on: connection, logger: logger)
            }
        }
        try await cache?.invalidate(messages.map(\.userId))
    }

    /// `analyses` are the messages' analyses, in the same order.
    static func store(_ messages: [InboundMessage], analyses: [MessageAnalysis], on connection: PostgresConnection, logger: Logger) async throws {
        // 1. Sessions: the partial unique index makes "one open session per user and platform"
        // a fact of the database; a concurrent insert for the same user lands on the open row.
        struct SessionKey: Hashable { var user: String; var platform: String }
        var channels: [SessionKey: String] = [:]
        var sessionKeys: [SessionKey] = []
        for message in messages {
            let key = SessionKey(user: message.userId, platform: message.platform)
            if channels[key] == nil {
                sessionKeys.append(key)
                channels[key] = message.channelId ?? ""
            }
        }
        let sessionUsers = sessionKeys.map(\.user)
        let sessionPlatforms = sessionKeys.map(\.platform)
        let sessionChannels = sessionKeys.map { channels[$0] ?? "" }
        // A new session's id is drawn by PostgreSQL, for the rows it inserts.
        let sessionRows = try await connection.query(
            """
            INSERT INTO chat_sessions (session_id, user_id, platform, channel_id, status, created_at, updated_at, last_activity_at)
            SELECT gen_random_uuid()::text, u, p, NULLIF(c, ''), 'active', now(), now(), now()
            FROM unnest(\(sessionUsers)::text[], \(sessionPlatforms)::text[], \(sessionChannels)::text[]) AS t(u, p, c)
            ORDER BY u, p
            ON CONFLICT (user_id, platform) WHERE status = 'active' DO UPDATE SET
                last_activity_at = CASE WHEN chat_sessions.last_activity_at < now() - make_interval(secs => \(Self.activityResolutionSeconds))
                                        THEN now() ELSE chat_sessions.last_activity_at END,
                channel_id = COALESCE(chat_sessions.channel_id, EXCLUDED.channel_id),
                updated_at = now()
            RETURNING user_id, platform, session_id
            """,
            logger: logger
        )
        var sessions: [SessionKey: String] = [:]
        for try await (user, platform, session) in sessionRows.decode((String, String, String).self) {
            sessions[SessionKey(user: user, platform: platform)] = session
        }

        // 2. Messages, once each, with the analysis of their text (messages without text,
        // such as images without caption, keep NULL labels).
        let inserted = try await connection.query(
            """
            INSERT INTO messages (platform, platform_message_id, channel_id, user_id, session_id, role, direction, type, text, sent_at,
                                  sentiment, sentiment_score, intent, intent_confidence, language, topics)
            SELECT p, pid, NULLIF(c, ''), u, s, r, d, ty, x.tx, at,
                   CASE WHEN has_text THEN se END, CASE WHEN has_text THEN sc END, CASE WHEN has_text THEN it END,
                   CASE WHEN has_text THEN ic END, CASE WHEN has_text THEN lg END,
                   CASE WHEN has_text THEN (CASE WHEN tp = '' THEN '{}'::text[] ELSE string_to_array(tp, chr(31)) END) END
            FROM unnest(
                \(messages.map(\.platform))::text[], \(messages.map(\.platformMessageId))::text[], \(messages.map { $0.channelId ?? "" })::text[],
                \(messages.map(\.userId))::text[], \(messages.map { sessions[SessionKey(user: $0.userId, platform: $0.platform)] ?? "" })::text[],
                \(messages.map(\.role))::text[], \(messages.map(\.direction))::text[], \(messages.map(\.type))::text[],
                \(messages.map { $0.text ?? "" })::text[], \(messages.map(\.hasText))::bool[], \(messages.map(\.sentAt))::timestamptz[],
                \(analyses.map(\.sentiment))::text[], \(analyses.map(\.sentimentScore))::float8[], \(analyses.map(\.intent))::text[],
                \(analyses.map(\.confidence))::float8[], \(analyses.map(\.language))::text[],
                \(analyses.map { $0.topics.joined(separator: "\u{1F}") })::text[]
            ) AS t(p, pid, c, u, s, r, d, ty, txt, has_text, at, se, sc, it, ic, lg, tp)
            CROSS JOIN LATERAL (SELECT CASE WHEN has_text THEN txt END AS tx) AS x
            ON CONFLICT (platform, platform_message_id) DO NOTHING
            RETURNING user_id, sent_at
            """,
            logger: logger
        )
        var counts: [String: (Int, Date)] = [:]
        for try await (user, at) in inserted.decode((String, Date).self) {
            let current = counts[user] ?? (0, at)
            counts[user] = (current.0 + 1, max(current.1, at))
        }

        // 3. Profiles: one row per user with the latest non-empty contact details, and the
        // statistics moved only by what was inserted now (nothing for a redelivery).
        var contacts: [String: InboundContact] = [:]
        for message in messages {
            var contact = contacts[message.userId] ?? InboundContact()
            if let c = message.contact {
                contact.name = c.name ?? contact.name
                contact.phone = c.phone ?? contact.phone
                contact.email = c.email ?? contact.email
            }
            contacts[message.userId] = contact
        }
        let users = contacts.keys.sorted()
        try await connection.query(
            """
            INSERT INTO user_profiles AS p (user_id, name, phone, email, interaction_stats)
            SELECT u, NULLIF(nm, ''), NULLIF(ph, ''), NULLIF(em, ''),
                   CASE WHEN n > 0 THEN jsonb_build_object('total_messages', n, 'last_interaction', last) ELSE '{}'::jsonb END
            FROM unnest(\(users)::text[], \(users.map { contacts[$0]?.name ?? "" })::text[], \(users.map { contacts[$0]?.phone ?? "" })::text[],
                        \(users.map { contacts[$0]?.email ?? "" })::text[], \(users.map { counts[$0]?.0 ?? 0 })::int[],
                        \(users.map { counts[$0].map { RFC3339.formatPrecise($0.1) } ?? "" })::text[]) AS t(u, nm, ph, em, n, last)
            ORDER BY u
            ON CONFLICT (user_id) DO UPDATE SET
                name = COALESCE(EXCLUDED.name, p.name),
                phone = COALESCE(p.phone, EXCLUDED.phone),
                email = COALESCE(p.email, EXCLUDED.email),
                updated_at = CASE WHEN EXCLUDED.name IS DISTINCT FROM p.name AND EXCLUDED.name IS NOT NULL
                                  THEN now() ELSE p.updated_at END,
                interaction_stats = CASE WHEN EXCLUDED.interaction_stats = '{}'::jsonb THEN p.interaction_stats
                    ELSE p.interaction_stats || jsonb_build_object(
                        'total_messages', COALESCE((p.interaction_stats->>'total_messages')::bigint, 0)
                            + (EXCLUDED.interaction_stats->>'total_messages')::bigint,
                        'last_interaction', GREATEST(COALESCE(p.interaction_stats->>'last_interaction', ''),
                                                     EXCLUDED.interaction_stats->>'last_interaction'))
                    END
            """,
            logger: logger
        )
        // Opt-out and opt-in words; the latest by platform time wins, however late it is processed.
        try await applyOptWords(messages, on: connection, logger: logger)
    }
}

extension InboundMessageHandler {
    static func applyOptWords(_ messages: [InboundMessage], on connection: PostgresConnection, logger: Logger) async throws {
        var latest: [String: (Bool, Date)] = [:]
        for message in messages where message.direction == "in" {
            guard let text = message.text, let choice = OptWords.classify(text) else { continue }
            if let current = latest[message.userId], current.1 > message.sentAt { continue }
            latest[message.userId] = (choice == .optOut, message.sentAt)
        }
        guard !latest.isEmpty else { return }
        let users = latest.keys.sorted()
        try await connection.query(
            """
            UPDATE user_profiles AS p SET opted_out = t.o, opted_out_at = CASE WHEN t.o THEN t.at END, opt_changed_at = t.at, updated_at = now()
            FROM unnest(\(users)::text[], \(users.map { latest[$0]!.0 })::bool[], \(users.map { latest[$0]!.1 })::timestamptz[]) AS t(u, o, at)
            WHERE p.user_id = t.u AND (p.opt_changed_at IS NULL OR p.opt_changed_at <= t.at)
            """,
            logger: logger
        )
    }

    static func applyEdits(_ edits: [InboundMessage], on connection: PostgresConnection, logger: Logger) async throws {
        let analyses = edits.map { MessageAnalyzer.analyze($0.text ?? "") }
        try await connection.query(
            """
            UPDATE messages AS m SET text = t.tx, sentiment = t.se, sentiment_score = t.sc, intent = t.it,
                   intent_confidence = t.ic, language = t.lg,
                   topics = CASE WHEN t.tp = '' THEN '{}'::text[] ELSE string_to_array(t.tp, chr(31)) END
            FROM unnest(
                \(edits.map(\.platform))::text[], \(edits.map(\.platformMessageId))::text[], \(edits.map { $0.text ?? "" })::text[],
                \(analyses.map(\.sentiment))::text[], \(analyses.map(\.sentimentScore))::float8[], \(analyses.map(\.intent))::text[],
                \(analyses.map(\.confidence))::float8[], \(analyses.map(\.language))::text[],
                \(analyses.map { $0.topics.joined(separator: "\u{1F}") })::text[]
            ) AS t(p, pid, tx, se, sc, it, ic, lg, tp)
            WHERE m.platform = t.p AND m.platform_message_id = t.pid
            """,
            logger: logger
        )
    }
}

extension InboundMessage {
    /// Distinguishes a missing text (media without caption) from an empty one.
    var hasText: Bool { text != nil }
}
