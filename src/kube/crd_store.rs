//! The storage mechanism shared by Kanister objects we keep client-side (Blueprints, Profiles):
//! the custom resource when its CRD is served, otherwise a labelled fallback object of type `K`
//! (a ConfigMap or a Secret) in the same namespace, so the commands work without Kanister.

use std::fmt::Debug;

use anyhow::{Result, anyhow, bail};
use k8s_openapi::NamespaceResourceScope;
use kube::api::{Api, DeleteParams, DynamicObject, ListParams};
use kube::discovery::ApiResource;
use serde::de::DeserializeOwned;

use super::{Cluster, describe_error, is_not_found};

/// Which of the two forms an object is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Resource,
    Fallback,
}

/// The custom resource `resource`, or else objects of type `K`, in one cluster.
pub struct CrdOrFallback<'a, K> {
    cluster: &'a Cluster,
    resource: ApiResource,
    crd_served: bool,
    fallback: std::marker::PhantomData<K>,
}

impl<'a, K> CrdOrFallback<'a, K>
where
    K: kube::Resource<Scope = NamespaceResourceScope, DynamicType = ()>
        + Clone
        + Debug
        + DeserializeOwned,
{
    /// Finds out whether the CRD of `resource` is served (one discovery request).
    pub async fn open(cluster: &'a Cluster, resource: ApiResource) -> Result<Self> {
        let crd_served = match cluster
            .client
            .list_api_group_resources(&resource.api_version)
            .await
        {
            Ok(list) => list.resources.iter().any(|r| r.name == resource.plural),
            Err(e) if is_not_found(&e) => false,
            Err(e) => bail!(describe_error(&cluster.server, &e)),
        };
        Ok(CrdOrFallback {
            cluster,
            resource,
            crd_served,
            fallback: std::marker::PhantomData,
        })
    }

    pub fn crd_served(&self) -> bool {
        self.crd_served
    }

    pub fn cluster(&self) -> &'a Cluster {
        self.cluster
    }

    pub fn resources(&self, namespace: &str) -> Api<DynamicObject> {
        Api::namespaced_with(self.cluster.client.clone(), namespace, &self.resource)
    }

    pub fn fallbacks(&self, namespace: &str) -> Api<K> {
        Api::namespaced(self.cluster.client.clone(), namespace)
    }

    /// `what` failed, with the API's reason in one line.
    pub fn fail(&self, what: &str, e: &kube::Error) -> anyhow::Error {
        anyhow!("{what}: {}", describe_error(&self.cluster.server, e))
    }

    /// The resource `namespace/name`; `None` when it is absent or the CRD is not served.
    pub async fn get_resource(
        &self,
        namespace: &str,
        name: &str,
        what: &str,
    ) -> Result<Option<DynamicObject>> {
        if !self.crd_served {
            return Ok(None);
        }
        self.resources(namespace)
            .get_opt(name)
            .await
            .map_err(|e| self.fail(what, &e))
    }

    /// The fallback object `namespace/name`, whatever its labels.
    pub async fn get_fallback(&self, namespace: &str, name: &str, what: &str) -> Result<Option<K>> {
        self.fallbacks(namespace)
            .get_opt(name)
            .await
            .map_err(|e| self.fail(what, &e))
    }

    /// Every resource in `namespace` (all namespaces when `None`); none when the CRD is not
    /// served.
    pub async fn list_resources(
        &self,
        namespace: Option<&str>,
        what: &str,
    ) -> Result<Vec<DynamicObject>> {
        if !self.crd_served {
            return Ok(Vec::new());
        }
        let api: Api<DynamicObject> = match namespace {
            Some(ns) => self.resources(ns),
            None => Api::all_with(self.cluster.client.clone(), &self.resource),
        };
        let list = api
            .list(&ListParams::default())
            .await
            .map_err(|e| self.fail(what, &e))?;
        Ok(list.items)
    }

    /// The fallback objects matching `selector` in `namespace` (all namespaces when `None`).
    pub async fn list_fallbacks(
        &self,
        namespace: Option<&str>,
        selector: &str,
        what: &str,
    ) -> Result<Vec<K>> {
        let api: Api<K> = match namespace {
            Some(ns) => self.fallbacks(ns),
            None => Api::all(self.cluster.client.clone()),
        };
        let list = api
            .list(&ListParams::default().labels(selector))
            .await
            .map_err(|e| self.fail(what, &e))?;
        Ok(list.items)
    }

    /// Deletes object `name` of the form `place`; `Ok(false)` when it was already gone.
    pub async fn delete(
        &self,
        namespace: &str,
        place: Place,
        name: &str,
        what: &str,
    ) -> Result<bool> {
        let params = DeleteParams::default();
        let result = match place {
            Place::Resource => self
                .resources(namespace)
                .delete(name, &params)
                .await
                .map(|_| ()),
            Place::Fallback => self
                .fallbacks(namespace)
                .delete(name, &params)
                .await
                .map(|_| ()),
        };
        match result {
            Ok(()) => Ok(true),
            Err(e) if is_not_found(&e) => Ok(false),
            Err(e) => Err(self.fail(what, &e)),
        }
    }
}
