import Foundation
import JWTKit

/// The claims of a TalkHub access token.
struct TokenClaims: JWTPayload {
    var sub: SubjectClaim
    var role: String
    var iat: IssuedAtClaim
    var exp: ExpirationClaim
    var jti: IDClaim

    /// Clock leeway for `exp` and `iat` (API.md: 30 s).
    static let leeway: TimeInterval = 30

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired(currentDate: Date().addingTimeInterval(-Self.leeway))
        guard iat.value <= Date().addingTimeInterval(Self.leeway) else {
            throw JWTError.claimVerificationFailure(failedClaim: iat, reason: "issued in the future")
        }
        guard !sub.value.isEmpty else {
            throw JWTError.claimVerificationFailure(failedClaim: sub, reason: "empty subject")
        }
    }
}
