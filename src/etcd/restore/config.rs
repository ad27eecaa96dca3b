//! Restore flags (`--name`, `--initial-cluster`, `--initial-cluster-token`,
//! `--initial-advertise-peer-urls`) checked the way etcd checks them at bootstrap, and turned into
//! the new cluster's membership with etcd's IDs. Error texts follow etcd's, so that searching for
//! them finds the same advice.

use std::net::ToSocketAddrs;

use anyhow::{Result, anyhow, bail};
use serde::Serialize;

use super::ids;

/// etcd's defaults for a restore.
pub const DEFAULT_NAME: &str = "default";
pub const DEFAULT_PEER_URL: &str = "http://localhost:2380";
pub const DEFAULT_TOKEN: &str = "etcd-cluster";

/// The membership flags of `snapshot restore`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipFlags {
    pub name: String,
    /// `name=url,name=url` as etcd takes it.
    pub initial_cluster: String,
    pub initial_cluster_token: String,
    /// Comma-separated, as etcd takes it.
    pub initial_advertise_peer_urls: String,
}

impl Default for MembershipFlags {
    fn default() -> Self {
        Self {
            name: DEFAULT_NAME.into(),
            initial_cluster: format!("{DEFAULT_NAME}={DEFAULT_PEER_URL}"),
            initial_cluster_token: DEFAULT_TOKEN.into(),
            initial_advertise_peer_urls: DEFAULT_PEER_URL.into(),
        }
    }
}

/// One member of the restored cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: u64,
    pub name: String,
    /// Sorted, as etcd stores them.
    pub peer_urls: Vec<String>,
}

/// The JSON etcd stores in the `members` bucket and in each ConfChange's context.
#[derive(Serialize)]
struct MemberJson<'a> {
    id: u64,
    #[serde(rename = "peerURLs")]
    peer_urls: &'a [String],
    name: &'a str,
}

/// The JSON etcd stores at `/0/members/<id>/raftAttributes` in the v2 store.
#[derive(Serialize)]
struct RaftAttributesJson<'a> {
    #[serde(rename = "peerURLs")]
    peer_urls: &'a [String],
}

impl Member {
    pub fn json(&self) -> String {
        serde_json::to_string(&MemberJson {
            id: self.id,
            peer_urls: &self.peer_urls,
            name: &self.name,
        })
        .expect("member JSON")
    }

    pub fn raft_attributes_json(&self) -> String {
        serde_json::to_string(&RaftAttributesJson {
            peer_urls: &self.peer_urls,
        })
        .expect("raft attributes JSON")
    }

    pub fn id_string(&self) -> String {
        ids::id_string(self.id)
    }
}

/// The restored cluster as seen by one member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub cluster_id: u64,
    /// Sorted by ID: the order etcd writes them in the WAL and the v2 store.
    pub members: Vec<Member>,
    /// The member this data dir belongs to.
    pub local_id: u64,
}

impl Membership {
    pub fn local(&self) -> &Member {
        self.members
            .iter()
            .find(|m| m.id == self.local_id)
            .expect("local member is part of the membership")
    }

    pub fn member_ids(&self) -> Vec<u64> {
        self.members.iter().map(|m| m.id).collect()
    }
}

impl MembershipFlags {
    /// Validates like etcd's `VerifyBootstrap` and derives the membership.
    pub fn membership(&self) -> Result<Membership> {
        let cluster = parse_initial_cluster(&self.initial_cluster)?;
        if cluster.is_empty() {
            bail!("initial cluster unset: give --initial-cluster name=peer-url[,name=peer-url…]");
        }
        let Some((_, local_urls)) = cluster.iter().find(|(name, _)| *name == self.name) else {
            bail!(
                "couldn't find local name {:?} in the initial cluster configuration",
                self.name
            );
        };
        let advertised = parse_urls(self.initial_advertise_peer_urls.split(','))?;
        advertise_matches_cluster(&self.name, &advertised, local_urls)?;
        let mut seen = std::collections::HashSet::new();
        for url in cluster.iter().flat_map(|(_, urls)| urls) {
            if !seen.insert(url) {
                bail!(
                    "initial cluster {} has duplicate url",
                    render_cluster(&cluster)
                );
            }
        }

        let mut members: Vec<Member> = cluster
            .into_iter()
            .map(|(name, peer_urls)| Member {
                id: ids::member_id(&peer_urls, &self.initial_cluster_token),
                name,
                peer_urls,
            })
            .collect();
        members.sort_by_key(|m| m.id);
        let ids: Vec<u64> = members.iter().map(|m| m.id).collect();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            bail!("two members of --initial-cluster have the same peer URLs");
        }
        let local_id = members
            .iter()
            .find(|m| m.name == self.name)
            .map(|m| m.id)
            .expect("local name was found above");
        Ok(Membership {
            cluster_id: ids::cluster_id(&ids),
            members,
            local_id,
        })
    }
}

/// etcd's `types.NewURLsMap`: `name=url` pairs separated by commas, a name may repeat to give a
/// member several URLs. Names keep their first-seen order.
fn parse_initial_cluster(value: &str) -> Result<Vec<(String, Vec<String>)>> {
    let mut raw: Vec<(String, Vec<&str>)> = Vec::new();
    for pair in value.split(',').filter(|p| !p.is_empty()) {
        let (name, url) = pair.split_once('=').unwrap_or((pair, ""));
        match raw.iter_mut().find(|(n, _)| n == name) {
            Some((_, urls)) => urls.push(url),
            None => raw.push((name.to_string(), vec![url])),
        }
    }
    raw.into_iter()
        .map(|(name, urls)| Ok((name, parse_urls(urls.into_iter())?)))
        .collect()
}

/// etcd's `types.NewURLs`: http/https/unix/unixs, `host:port`, no path; sorted.
fn parse_urls<'a>(values: impl Iterator<Item = &'a str>) -> Result<Vec<String>> {
    let mut urls = Vec::new();
    for value in values {
        let value = value.trim();
        let (scheme, rest) = value.split_once("://").unwrap_or(("", value));
        let scheme = scheme.to_ascii_lowercase();
        if !matches!(scheme.as_str(), "http" | "https" | "unix" | "unixs") {
            bail!("URL scheme must be http, https, unix, or unixs: {value}");
        }
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        if host_port(authority).is_none() {
            bail!("URL address does not have the form \"host:port\": {value}");
        }
        if tail.starts_with('/') {
            bail!("URL must not contain a path: {value}");
        }
        urls.push(format!("{scheme}://{rest}"));
    }
    if urls.is_empty() {
        bail!("no valid URLs given");
    }
    urls.sort();
    Ok(urls)
}

/// Go's `net.SplitHostPort` on a URL's authority (after any `user@`).
fn host_port(authority: &str) -> Option<(&str, &str)> {
    let hostport = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Some(bracketed) = hostport.strip_prefix('[') {
        let (host, after) = bracketed.split_once(']')?;
        let port = after.strip_prefix(':')?;
        return Some((host, port));
    }
    let (host, port) = hostport.rsplit_once(':')?;
    (!host.contains(':')).then_some((host, port))
}

/// etcd's `advertiseMatchesCluster`: the local member's URLs in `--initial-cluster` must be the
/// advertised peer URLs, comparing resolved addresses when the strings differ.
fn advertise_matches_cluster(
    name: &str,
    advertised: &[String],
    in_cluster: &[String],
) -> Result<()> {
    if advertised == in_cluster {
        return Ok(());
    }
    let resolved = (resolve_all(advertised), resolve_all(in_cluster));
    let reason = match &resolved {
        (Ok(a), Ok(c)) if a == c => return Ok(()),
        (Ok(a), Ok(c)) if a.len() != c.len() => format!("len({a:?}) != len({c:?})"),
        (Ok(a), Ok(c)) => format!(
            "resolved urls: {} != {}",
            quoted(a).join(", "),
            quoted(c).join(", ")
        ),
        (Err(e), _) | (_, Err(e)) => e.to_string(),
    };
    let missing: Vec<String> = in_cluster
        .iter()
        .filter(|u| !advertised.contains(u))
        .map(|u| format!("{name}={u}"))
        .collect();
    if !missing.is_empty() {
        bail!(
            "--initial-cluster has {} but missing from --initial-advertise-peer-urls={} ({reason})",
            missing.join(","),
            advertised.join(",")
        );
    }
    let extra: Vec<&str> = advertised
        .iter()
        .filter(|u| !in_cluster.contains(u))
        .map(String::as_str)
        .collect();
    if !extra.is_empty() {
        let pairs: Vec<String> = advertised.iter().map(|u| format!("{name}={u}")).collect();
        bail!(
            "--initial-advertise-peer-urls has {} but missing from --initial-cluster={}",
            extra.join(","),
            pairs.join(",")
        );
    }
    bail!(
        "failed to resolve {} to match --initial-cluster={name}={} ({reason})",
        advertised.join(","),
        in_cluster.join(",")
    )
}

fn quoted(urls: &[String]) -> Vec<String> {
    urls.iter().map(|u| format!("{u:?}")).collect()
}

/// Each URL with its host replaced by the first address it resolves to, sorted.
fn resolve_all(urls: &[String]) -> Result<Vec<String>> {
    let mut resolved = urls
        .iter()
        .map(|url| resolve(url))
        .collect::<Result<Vec<_>>>()?;
    resolved.sort();
    Ok(resolved)
}

fn resolve(url: &str) -> Result<String> {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    if scheme.starts_with("unix") {
        return Ok(url.to_string());
    }
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let hostport = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let address = hostport
        .to_socket_addrs()
        .map_err(|e| anyhow!("failed to resolve {url:?} ({e})"))?
        .next()
        .ok_or_else(|| anyhow!("failed to resolve {url:?} (no address)"))?;
    Ok(format!("{scheme}://{address}"))
}

fn render_cluster(cluster: &[(String, Vec<String>)]) -> String {
    let mut pairs: Vec<String> = cluster
        .iter()
        .flat_map(|(name, urls)| urls.iter().map(move |u| format!("{name}={u}")))
        .collect();
    pairs.sort();
    pairs.join(",")
}

/// The membership the etcdctl fixtures in `tests/data/etcd` were restored with: member x,
/// token restore-tok, peer http://127.0.0.1:23801.
#[cfg(test)]
pub(super) fn etcdctl_fixture_membership() -> Membership {
    let url = "http://127.0.0.1:23801";
    MembershipFlags {
        name: "x".into(),
        initial_cluster: format!("x={url}"),
        initial_cluster_token: "restore-tok".into(),
        initial_advertise_peer_urls: url.into(),
    }
    .membership()
    .unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(name: &str, cluster: &str, token: &str, peers: &str) -> MembershipFlags {
        MembershipFlags {
            name: name.into(),
            initial_cluster: cluster.into(),
            initial_cluster_token: token.into(),
            initial_advertise_peer_urls: peers.into(),
        }
    }

    #[test]
    fn defaults_give_etcds_ids() {
        let m = MembershipFlags::default().membership().unwrap();
        assert_eq!(m.local().id_string(), "8e9e05c52164694d");
        assert_eq!(ids::id_string(m.cluster_id), "cdf818194e3a8c32");
    }

    #[test]
    fn single_member_check_values_and_json() {
        let url = "http://127.0.0.1:23801";
        let m = flags("x", &format!("x={url}"), "restore-tok", url)
            .membership()
            .unwrap();
        assert_eq!(m.local().id_string(), "254e998c1e99f209");
        assert_eq!(ids::id_string(m.cluster_id), "ffea6c6f00bb6224");
        // Byte-for-byte what etcdctl 3.4 put in the ConfChange context.
        assert_eq!(
            m.local().json(),
            r#"{"id":2688254854674641417,"peerURLs":["http://127.0.0.1:23801"],"name":"x"}"#
        );
        assert_eq!(
            m.local().raft_attributes_json(),
            r#"{"peerURLs":["http://127.0.0.1:23801"]}"#
        );
    }

    #[test]
    fn three_members_share_the_cluster_id() {
        let cluster = "a=http://127.0.0.1:1,b=http://127.0.0.1:2,c=http://127.0.0.1:3";
        let a = flags("a", cluster, "t", "http://127.0.0.1:1")
            .membership()
            .unwrap();
        let c = flags("c", cluster, "t", "http://127.0.0.1:3")
            .membership()
            .unwrap();
        assert_eq!(a.cluster_id, c.cluster_id);
        assert_eq!(a.members, c.members);
        assert_ne!(a.local_id, c.local_id);
        assert!(a.members.windows(2).all(|w| w[0].id < w[1].id));
    }

    #[test]
    fn errors_read_like_etcds() {
        let err = |f: MembershipFlags| f.membership().unwrap_err().to_string();
        assert_eq!(
            err(flags(
                "y",
                "x=http://127.0.0.1:23801",
                "t",
                "http://127.0.0.1:23801"
            )),
            "couldn't find local name \"y\" in the initial cluster configuration"
        );
        let e = err(flags(
            "x",
            "x=http://127.0.0.1:23801",
            "t",
            "http://127.0.0.1:23802",
        ));
        assert!(
            e.starts_with(
                "--initial-cluster has x=http://127.0.0.1:23801 but missing from \
                 --initial-advertise-peer-urls=http://127.0.0.1:23802 ("
            ),
            "{e}"
        );
        assert_eq!(
            err(flags(
                "x",
                "x=http://127.0.0.1:23801",
                "t",
                "http://127.0.0.1:23801,http://127.0.0.1:23803"
            )),
            "--initial-advertise-peer-urls has http://127.0.0.1:23803 but missing from \
             --initial-cluster=x=http://127.0.0.1:23801,x=http://127.0.0.1:23803"
        );
        assert_eq!(
            err(flags("x", "x=ftp://a:1", "t", "ftp://a:1")),
            "URL scheme must be http, https, unix, or unixs: ftp://a:1"
        );
        assert_eq!(
            err(flags("x", "x=http://a", "t", "http://a")),
            "URL address does not have the form \"host:port\": http://a"
        );
        assert_eq!(
            err(flags("x", "x=http://a:1/p", "t", "http://a:1/p")),
            "URL must not contain a path: http://a:1/p"
        );
        let e = err(flags(
            "x",
            "x=http://127.0.0.1:1,y=http://127.0.0.1:1",
            "t",
            "http://127.0.0.1:1",
        ));
        assert!(e.ends_with("has duplicate url"), "{e}");
        let e = err(flags(
            "x",
            "x=http://nosuchhost.invalid:1",
            "t",
            "http://other.invalid:1",
        ));
        assert!(e.contains("failed to resolve"), "{e}");
    }

    #[test]
    fn resolved_names_match() {
        let m = flags("x", "x=http://127.0.0.1:2380", "t", "http://localhost:2380").membership();
        // localhost resolves to 127.0.0.1 on most hosts, to ::1 on some: either accept or explain.
        if let Err(e) = m {
            assert!(e.to_string().contains("resolved urls"), "{e}");
        }
    }
}
