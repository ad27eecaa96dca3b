//! How namespaced types are listed, chosen by what it costs rather than by the shape of the
//! filter: one paginated LIST per type across all namespaces (the namespace filter applied to
//! each item as it arrives), or one LIST per type in each included namespace.
//!
//! On a real API server a request costs far more than an object in a page (a round trip,
//! authorization, an etcd range read: a few milliseconds, against some 0.1 ms to decode and
//! archive an object). Per-namespace lists cost one request per type and namespace even where a
//! namespace holds nothing of that type; a cluster-wide list costs one request per type plus the
//! objects of the namespaces left out, read and dropped. With 200 of 400 namespaces included
//! that is ~6,600 requests against ~40 plus 20,000 dropped objects: the cluster-wide list wins
//! by far. With one namespace of 400 it is the other way round.
//!
//! The number of objects per namespace is not known before listing, so the comparison assumes
//! a typical namespace ([`OBJECTS_PER_NAMESPACE`]); a label selector is applied by the server,
//! so the objects it leaves out cost nothing on our side ([`SELECTOR_KEEPS`] of them are sent).

/// How the namespaced types of a backup are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListScope {
    /// One paginated LIST per type over all namespaces; items outside the selected namespaces
    /// are dropped as they arrive. Should the cluster-wide LIST be forbidden (403: the user may
    /// only list inside namespaces), that type falls back to [`ListScope::PerNamespace`].
    ClusterWide,
    /// One LIST per type in each selected namespace.
    PerNamespace,
}

/// What one request costs, in objects decoded and archived (a round trip to kube-apiserver of
/// ~3 ms against ~0.1 ms per object, measured with benches/snapshot.rs).
pub const REQUEST_COST_IN_OBJECTS: f64 = 30.0;
/// Objects of all namespaced types in a typical namespace.
pub const OBJECTS_PER_NAMESPACE: f64 = 100.0;
/// Share of the objects a label selector is assumed to keep: those the server sends.
pub const SELECTOR_KEEPS: f64 = 0.1;

/// The inputs of the choice, all known once the namespaces are listed and discovery is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListPlan {
    /// Namespaces in the cluster (active ones).
    pub namespaces_in_cluster: usize,
    /// Namespaces the filter selects.
    pub namespaces_selected: usize,
    /// Namespaced types the resource filter keeps.
    pub namespaced_types: usize,
    /// The namespace filter includes everything (it may still exclude some).
    pub includes_all_namespaces: bool,
    /// A label selector goes with every LIST.
    pub has_label_selector: bool,
}

impl ListPlan {
    /// The cheaper way to list, by the estimates of [`ListPlan::per_namespace_cost`] and
    /// [`ListPlan::cluster_wide_cost`]. With every namespace included (excludes only) or
    /// none, there is nothing to choose.
    pub fn scope(&self) -> ListScope {
        if self.includes_all_namespaces && self.namespaces_selected == self.namespaces_in_cluster {
            return ListScope::ClusterWide;
        }
        if self.namespaces_selected == 0 {
            return ListScope::PerNamespace;
        }
        if self.cluster_wide_cost() < self.per_namespace_cost() {
            ListScope::ClusterWide
        } else {
            ListScope::PerNamespace
        }
    }

    /// The number of LIST requests (first pages) each way: per namespace, cluster-wide.
    pub fn first_page_requests(&self) -> (usize, usize) {
        (
            self.namespaces_selected * self.namespaced_types,
            self.namespaced_types,
        )
    }

    /// Requests (one per type and namespace) plus the selected objects, in object units.
    pub fn per_namespace_cost(&self) -> f64 {
        let (requests, _) = self.first_page_requests();
        requests as f64 * REQUEST_COST_IN_OBJECTS + self.objects(self.namespaces_selected)
    }

    /// One request per type plus every namespace's objects, the unselected ones dropped.
    pub fn cluster_wide_cost(&self) -> f64 {
        let (_, requests) = self.first_page_requests();
        requests as f64 * REQUEST_COST_IN_OBJECTS + self.objects(self.namespaces_in_cluster)
    }

    fn objects(&self, namespaces: usize) -> f64 {
        let sent = if self.has_label_selector {
            SELECTOR_KEEPS
        } else {
            1.0
        };
        namespaces as f64 * OBJECTS_PER_NAMESPACE * sent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cluster: 400 namespaces, ~35 namespaced types on kube-apiserver v1.36.
    fn plan(selected: usize, includes_all: bool, selector: bool) -> ListPlan {
        ListPlan {
            namespaces_in_cluster: 400,
            namespaces_selected: selected,
            namespaced_types: 35,
            includes_all_namespaces: includes_all,
            has_label_selector: selector,
        }
    }

    #[test]
    fn no_namespace_filter_lists_cluster_wide() {
        assert_eq!(plan(400, true, false).scope(), ListScope::ClusterWide);
        assert_eq!(plan(400, true, true).scope(), ListScope::ClusterWide);
    }

    #[test]
    fn excludes_and_many_namespaces_list_cluster_wide() {
        // --exclude-namespaces kube-system: one namespace fewer, same ~35 lists.
        assert_eq!(plan(399, true, false).scope(), ListScope::ClusterWide);
        // --include-namespaces 'perf-*' selecting half the cluster: 7,000 requests otherwise.
        let half = plan(200, false, false);
        assert_eq!(half.scope(), ListScope::ClusterWide);
        assert_eq!(half.first_page_requests(), (7000, 35));
    }

    #[test]
    fn few_namespaces_list_per_namespace() {
        assert_eq!(plan(1, false, false).scope(), ListScope::PerNamespace);
        assert_eq!(plan(3, false, false).scope(), ListScope::PerNamespace);
        // An exclude-only filter that leaves few namespaces is the same case.
        assert_eq!(plan(2, true, false).scope(), ListScope::PerNamespace);
    }

    #[test]
    fn the_crossover_follows_the_share_of_namespaces_selected() {
        let crossover = (1..=400)
            .find(|&n| plan(n, false, false).scope() == ListScope::ClusterWide)
            .unwrap();
        // A namespace's 35 requests weigh as much as ~10 namespaces of objects.
        assert!((20..=60).contains(&crossover), "crossover at {crossover}");
        // A label selector makes every dropped object cheap: cluster-wide much earlier.
        let with_selector = (1..=400)
            .find(|&n| plan(n, false, true).scope() == ListScope::ClusterWide)
            .unwrap();
        assert!(
            with_selector < crossover / 3,
            "{with_selector} vs {crossover}"
        );
        assert_eq!(plan(1, false, true).scope(), ListScope::PerNamespace);
    }

    #[test]
    fn nothing_selected_lists_nothing_cluster_wide() {
        let empty = plan(0, false, false);
        assert_eq!(empty.scope(), ListScope::PerNamespace);
        assert_eq!(empty.first_page_requests().0, 0);
    }
}
