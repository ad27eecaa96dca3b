//! Which proxy a request goes through, decided the way kubectl decides it (Go's
//! `net/http.ProxyFromEnvironment`, golang.org/x/net/http/httpproxy): `HTTPS_PROXY` for https
//! URLs and `HTTP_PROXY` for http ones (upper case first, then lower case), `NO_PROXY` entries
//! that are `*`, IPs, CIDRs or domain suffixes, and never a proxy for `localhost` or a loopback
//! address. A kubeconfig cluster's `proxy-url` is used as is, like client-go does.
//!
//! Both the Kubernetes client and the object-storage clients ask here, so they agree.

use std::net::IpAddr;

use url::Url;

/// The proxy settings of the environment, read once.
#[derive(Debug, Clone, Default)]
pub struct ProxyEnvironment {
    http_proxy: Option<String>,
    https_proxy: Option<String>,
    no_proxy: NoProxy,
}

impl ProxyEnvironment {
    /// Reads `HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY` and their lower-case forms.
    pub fn from_env() -> Self {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Same as [`Self::from_env`], with the variables coming from `lookup` (tests use a map).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        // Go's getEnvAny: the first of the names that is set and not empty.
        let first = |names: [&str; 2]| {
            names
                .iter()
                .find_map(|name| lookup(name).filter(|value| !value.is_empty()))
        };
        ProxyEnvironment {
            http_proxy: first(["HTTP_PROXY", "http_proxy"]),
            https_proxy: first(["HTTPS_PROXY", "https_proxy"]),
            no_proxy: NoProxy::parse(&first(["NO_PROXY", "no_proxy"]).unwrap_or_default()),
        }
    }

    /// An error naming the variable if `HTTP_PROXY` or `HTTPS_PROXY` is set to something that is
    /// not a usable proxy URL, as kubectl refuses it ("invalid proxy address").
    pub fn check(&self) -> Result<(), String> {
        for (variable, value) in [
            ("HTTP_PROXY", &self.http_proxy),
            ("HTTPS_PROXY", &self.https_proxy),
        ] {
            if let Some(value) = value {
                parse_proxy_url(value).map_err(|rule| {
                    format!("{variable}={value:?} is not a usable proxy: {rule}")
                })?;
            }
        }
        Ok(())
    }

    /// The proxy for a request to `target`, or `None` to connect directly.
    pub fn proxy_for(&self, target: &Url) -> Result<Option<Url>, String> {
        let configured = match target.scheme() {
            "https" | "wss" => self.https_proxy.as_deref(),
            "http" | "ws" => self.http_proxy.as_deref(),
            _ => None,
        };
        let Some(configured) = configured else {
            return Ok(None);
        };
        let Some(host) = target.host_str() else {
            return Ok(None);
        };
        let port = target.port_or_known_default().unwrap_or(0);
        if !self.no_proxy.allows_proxy(host, port) {
            return Ok(None);
        }
        let variable = if matches!(target.scheme(), "https" | "wss") {
            "HTTPS_PROXY"
        } else {
            "HTTP_PROXY"
        };
        parse_proxy_url(configured)
            .map(Some)
            .map_err(|rule| format!("{variable}={configured:?} is not a usable proxy: {rule}"))
    }
}

/// Go's `parseProxy`: a bare `host:port` means `http://host:port`; the schemes kubectl can use
/// are http, https, socks5 and socks5h.
pub fn parse_proxy_url(text: &str) -> Result<Url, String> {
    let url = match Url::parse(text) {
        Ok(url) if url.has_host() => url,
        _ => Url::parse(&format!("http://{text}"))
            .map_err(|e| format!("not a URL ({e}); use e.g. http://proxy.example:3128"))?,
    };
    match url.scheme() {
        "http" | "https" | "socks5" | "socks5h" => Ok(url),
        other => Err(format!(
            "scheme {other:?} is not supported (use http, https, socks5 or socks5h)"
        )),
    }
}

/// `NO_PROXY`, parsed as Go parses it: entries that do not parse are skipped, not fatal.
#[derive(Debug, Clone, Default)]
struct NoProxy {
    everything: bool,
    addresses: Vec<(IpAddr, Option<u16>)>,
    networks: Vec<(IpAddr, u8)>,
    /// Suffixes with a leading dot; `matches_bare` says whether the bare domain matches too
    /// (`example.com` does, `.example.com` and `*.example.com` do not).
    domains: Vec<DomainRule>,
}

#[derive(Debug, Clone)]
struct DomainRule {
    suffix: String,
    port: Option<u16>,
    matches_bare: bool,
}

impl NoProxy {
    fn parse(text: &str) -> Self {
        let mut rules = NoProxy::default();
        for entry in text.split(',') {
            let entry = entry.trim().to_lowercase();
            if entry.is_empty() {
                continue;
            }
            if entry == "*" {
                rules.everything = true;
                continue;
            }
            if let Some(network) = parse_cidr(&entry) {
                rules.networks.push(network);
                continue;
            }
            let (host, port) = split_host_port(&entry);
            if let Ok(ip) = host.parse::<IpAddr>() {
                rules.addresses.push((ip, port));
                continue;
            }
            let host = host.strip_prefix('*').unwrap_or(host);
            if host.is_empty() {
                continue;
            }
            let (suffix, matches_bare) = match host.strip_prefix('.') {
                Some(_) => (host.to_string(), false),
                None => (format!(".{host}"), true),
            };
            rules.domains.push(DomainRule {
                suffix,
                port,
                matches_bare,
            });
        }
        rules
    }

    /// Go's `useProxy`: false for loopback, `*`, and any matching entry.
    fn allows_proxy(&self, host: &str, port: u16) -> bool {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let host = host.to_lowercase();
        if host == "localhost" {
            return false;
        }
        let ip = host.parse::<IpAddr>().ok();
        if ip.is_some_and(|ip| ip.is_loopback()) {
            return false;
        }
        if self.everything {
            return false;
        }
        if let Some(ip) = ip {
            let listed = self
                .addresses
                .iter()
                .any(|(address, only_port)| *address == ip && only_port.is_none_or(|p| p == port));
            let in_network = self
                .networks
                .iter()
                .any(|(network, bits)| in_network(ip, *network, *bits));
            return !(listed || in_network);
        }
        !self.domains.iter().any(|rule| {
            let name_matches =
                host.ends_with(&rule.suffix) || (rule.matches_bare && host == rule.suffix[1..]);
            name_matches && rule.port.is_none_or(|p| p == port)
        })
    }
}

fn parse_cidr(text: &str) -> Option<(IpAddr, u8)> {
    let (address, bits) = text.split_once('/')?;
    let address: IpAddr = address.parse().ok()?;
    let bits: u8 = bits.parse().ok()?;
    let max = if address.is_ipv4() { 32 } else { 128 };
    (bits <= max).then_some((address, bits))
}

fn in_network(ip: IpAddr, network: IpAddr, bits: u8) -> bool {
    match (ip, network) {
        (IpAddr::V4(ip), IpAddr::V4(network)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(bits)).unwrap_or(0);
            u32::from(ip) & mask == u32::from(network) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(network)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(bits)).unwrap_or(0);
            u128::from(ip) & mask == u128::from(network) & mask
        }
        _ => false,
    }
}

/// `host:port`, `[v6]:port`, or a bare host (a bare IPv6 address has colons but no port).
fn split_host_port(entry: &str) -> (&str, Option<u16>) {
    if let Some(rest) = entry.strip_prefix('[')
        && let Some((host, after)) = rest.split_once(']')
    {
        return (host, after.strip_prefix(':').and_then(|p| p.parse().ok()));
    }
    match entry.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') => match port.parse() {
            Ok(port) => (host, Some(port)),
            Err(_) => (entry, None),
        },
        _ => (entry, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn environment(vars: &[(&str, &str)]) -> ProxyEnvironment {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ProxyEnvironment::from_lookup(move |name| {
            vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })
    }

    fn proxied(env: &ProxyEnvironment, target: &str) -> Option<String> {
        env.proxy_for(&Url::parse(target).unwrap())
            .unwrap()
            .map(|u| u.to_string())
    }

    #[test]
    fn scheme_picks_the_variable_and_upper_case_wins() {
        let env = environment(&[
            ("HTTPS_PROXY", "http://upper:3128"),
            ("https_proxy", "http://lower:3128"),
            ("http_proxy", "plain:8080"),
        ]);
        assert_eq!(
            proxied(&env, "https://api.example:6443").as_deref(),
            Some("http://upper:3128/")
        );
        assert_eq!(
            proxied(&env, "http://api.example").as_deref(),
            Some("http://plain:8080/")
        );
        let lower_only = environment(&[("https_proxy", "socks5://s:1080")]);
        assert_eq!(
            proxied(&lower_only, "https://api.example").as_deref(),
            Some("socks5://s:1080")
        );
    }

    #[test]
    fn loopback_is_never_proxied() {
        let env = environment(&[
            ("HTTPS_PROXY", "http://p:3128"),
            ("HTTP_PROXY", "http://p:3128"),
        ]);
        for target in [
            "https://127.0.0.1:6443",
            "https://localhost:6443",
            "http://[::1]:80",
            "https://127.8.9.10",
        ] {
            assert_eq!(proxied(&env, target), None, "{target}");
        }
    }

    #[test]
    fn no_proxy_entries_match_as_go_does() {
        let env = environment(&[
            ("HTTPS_PROXY", "http://p:3128"),
            (
                "no_proxy",
                "10.0.0.0/8, example.com, .internal, *.corp.test, 192.168.1.5, svc:8443, [fd00::1], bad/entry/x",
            ),
        ]);
        let direct = [
            "https://10.3.4.5:6443",
            "https://example.com",
            "https://api.example.com",
            "https://a.b.internal",
            "https://x.corp.test",
            "https://192.168.1.5",
            "https://svc:8443",
            "https://[fd00::1]:6443",
        ];
        for target in direct {
            assert_eq!(proxied(&env, target), None, "{target}");
        }
        let via_proxy = [
            "https://11.0.0.1",
            "https://notexample.com",
            "https://internal",
            "https://corp.test",
            "https://192.168.1.6",
            "https://svc:6443",
        ];
        for target in via_proxy {
            assert!(proxied(&env, target).is_some(), "{target}");
        }
    }

    #[test]
    fn no_proxy_star_disables_the_proxy() {
        let env = environment(&[("HTTPS_PROXY", "http://p:3128"), ("NO_PROXY", "*")]);
        assert_eq!(proxied(&env, "https://anything.example"), None);
    }

    #[test]
    fn unusable_proxy_names_the_variable() {
        let env = environment(&[("HTTPS_PROXY", "ftp://p:21")]);
        let error = env
            .proxy_for(&Url::parse("https://api.example").unwrap())
            .unwrap_err();
        assert!(
            error.contains("HTTPS_PROXY") && error.contains("ftp"),
            "{error}"
        );
    }
}
