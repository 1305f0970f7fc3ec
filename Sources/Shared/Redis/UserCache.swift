/// Short-lived answers about one user (open sessions, `get_user_context`), kept correct by a
/// per-user generation instead of deletes: a writer bumps the generation after its commit,
/// and a reader files what it computed under the generation it read *before* querying. A
/// slow reader that finishes after a change therefore writes under a generation nobody
/// reads any more, which a plain "delete on change" cannot prevent.
public struct UserCache: Sendable {
    let redis: RedisClient
    public let ttlSeconds: Int

    public init(redis: RedisClient, ttlSeconds: Int = 60) {
        self.redis = redis
        self.ttlSeconds = ttlSeconds
    }

    /// Generations outlive every entry by far, so one that expires cannot revive old entries.
    static let generationTTLSeconds = 86_400

    public func generation(of userID: String) async throws -> Int {
        Int(try await redis.get(redis.keys.userGeneration(userID)) ?? "") ?? 0
    }

    public func get(_ userID: String, generation: Int, name: String) async throws -> String? {
        try await redis.get(redis.keys.userCache(userID, generation: generation, name: name))
    }

    public func set(_ userID: String, generation: Int, name: String, value: String) async throws {
        try await redis.set(redis.keys.userCache(userID, generation: generation, name: name), to: value, expiration: .seconds(ttlSeconds))
    }

    /// Marks the users' data as changed: every entry cached for them so far is stale.
    /// Returns each user's new generation.
    @discardableResult
    public func invalidate(_ userIDs: some Collection<String>) async throws -> [String: Int] {
        guard !userIDs.isEmpty else { return [:] }
        let users = Set(userIDs).sorted()
        var commands: [any RedisCommand] = []
        for user in users {
            commands.append(INCR(redis.keys.userGeneration(user)))
            commands.append(EXPIRE(redis.keys.userGeneration(user), seconds: Self.generationTTLSeconds))
        }
        let replies = try await redis.pipeline(commands)
        var generations: [String: Int] = [:]
        for (index, user) in users.enumerated() {
            generations[user] = try expectInt(replies[index * 2], "INCR")
            _ = try replies[index * 2 + 1].checked()
        }
        return generations
    }
}
