import Crypto

/// `METRICS_TOKEN` checks for `/metrics` on the gateway and the workers, in constant time
/// (both sides are MACed first, so the comparison does not leak how much of it matched).
public enum MetricsToken {
    public static func matches(_ authorization: String?, token: String) -> Bool {
        let given = Array((authorization ?? "").utf8)
        let expected = Array(("Bearer " + token).utf8)
        let key = SymmetricKey(data: Array("talkhub-metrics".utf8))
        return HMAC<SHA256>.authenticationCode(for: given, using: key) == HMAC<SHA256>.authenticationCode(for: expected, using: key)
    }
}
