//! The TLS setup of the `reqwest` client [`ClientBuilder::build`](super::ClientBuilder::build)
//! makes, chosen by the crate's features: `native-tls` wins, then `rustls-native-roots`, then
//! `rustls` (Mozilla's roots, bundled); with none of them, plain HTTP only.

/// `builder` with the platform's TLS library (OpenSSL on Linux) and the system's roots.
#[cfg(feature = "native-tls")]
pub(crate) fn configure(
    builder: reqwest::ClientBuilder,
) -> Result<reqwest::ClientBuilder, reqwest::Error> {
    Ok(builder.tls_backend_native())
}

/// `builder` with rustls verifying against the operating system's trust store.
#[cfg(all(feature = "rustls-native-roots", not(feature = "native-tls")))]
pub(crate) fn configure(
    builder: reqwest::ClientBuilder,
) -> Result<reqwest::ClientBuilder, reqwest::Error> {
    Ok(builder.tls_backend_rustls())
}

/// `builder` with rustls trusting only Mozilla's root certificates, bundled in the binary, so
/// the same servers are trusted on every machine (a container without a CA bundle included).
#[cfg(all(
    feature = "rustls",
    not(any(feature = "native-tls", feature = "rustls-native-roots"))
))]
pub(crate) fn configure(
    builder: reqwest::ClientBuilder,
) -> Result<reqwest::ClientBuilder, reqwest::Error> {
    let roots = webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|cert| reqwest::Certificate::from_der(cert))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(builder.tls_backend_rustls().tls_certs_only(roots))
}

/// `builder` unchanged: no TLS feature, so only `http://` base URLs work (or a caller's client).
#[cfg(not(any(
    feature = "native-tls",
    feature = "rustls-native-roots",
    feature = "rustls"
)))]
pub(crate) fn configure(
    builder: reqwest::ClientBuilder,
) -> Result<reqwest::ClientBuilder, reqwest::Error> {
    Ok(builder)
}
