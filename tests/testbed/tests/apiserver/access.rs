use k8s_openapi::api::authorization::v1::SelfSubjectAccessReview;
use k8s_openapi::api::core::v1::{ConfigMap, Secret};
use kube::api::{Api, PostParams};
use kubectl_backup_testbed::FakeApiServer;
use serde_json::json;

#[tokio::test]
async fn request_log_records_headers_and_users() {
    let srv = FakeApiServer::start().await;
    let api: Api<ConfigMap> = Api::namespaced(srv.client(), "default");
    srv.clear_requests();
    api.get_opt("nothing").await.unwrap();
    let reqs = srv.requests();
    let r = reqs.last().unwrap();
    assert_eq!(r.method, "GET");
    assert_eq!(r.path, "/api/v1/namespaces/default/configmaps/nothing");
    assert_eq!(r.user, kubectl_backup_testbed::apiserver::ADMIN_USER);
    assert!(r.header("authorization").unwrap().starts_with("Bearer "));

    let mut config = kube::Config::new(srv.url().parse().unwrap());
    config.auth_info.token = Some(
        kubectl_backup_testbed::apiserver::ADMIN_TOKEN
            .to_string()
            .into(),
    );
    config.auth_info.impersonate = Some("alice".into());
    config.auth_info.impersonate_groups = Some(vec!["devs".into()]);
    let as_alice: Api<ConfigMap> =
        Api::namespaced(kube::Client::try_from(config).unwrap(), "default");
    as_alice.get_opt("nothing").await.unwrap();
    let r = srv.requests().pop().unwrap();
    assert_eq!(r.header("impersonate-user"), Some("alice"));
    assert_eq!(r.headers_named("impersonate-group"), vec!["devs"]);
    assert_eq!(r.user, "alice");
}

#[tokio::test]
async fn rbac_knob_denies_requests_and_answers_access_reviews() {
    let srv = FakeApiServer::start().await;
    srv.add_token("bob-token", "bob", &["ops"]);
    srv.rbac().deny("bob", "list", "secrets");
    srv.rbac()
        .deny_in_namespace("ops", "create", "configmaps", "kube-system");
    let bob = srv.client_with_token("bob-token");
    let secrets: Api<Secret> = Api::namespaced(bob.clone(), "default");
    let e = secrets.list(&Default::default()).await.unwrap_err();
    let kube::Error::Api(s) = e else { panic!() };
    assert_eq!(s.code, 403);
    assert_eq!(s.reason, "Forbidden");
    assert_eq!(
        s.message,
        "secrets is forbidden: User \"bob\" cannot list resource \"secrets\" in API group \"\" in the namespace \"default\""
    );
    // Other verbs and users are still allowed.
    assert!(secrets.get_opt("x").await.unwrap().is_none());
    let admin: Api<Secret> = Api::namespaced(srv.client(), "default");
    admin.list(&Default::default()).await.unwrap();

    let cm: ConfigMap = serde_json::from_value(json!({"metadata": {"name": "c"}})).unwrap();
    let sys: Api<ConfigMap> = Api::namespaced(bob.clone(), "kube-system");
    assert!(sys.create(&PostParams::default(), &cm).await.is_err());
    Api::<ConfigMap>::namespaced(bob.clone(), "default")
        .create(&PostParams::default(), &cm)
        .await
        .unwrap();

    let reviews: Api<SelfSubjectAccessReview> = Api::all(bob);
    let ask = |verb: &str, ns: &str| -> SelfSubjectAccessReview {
        serde_json::from_value(json!({"spec": {"resourceAttributes": {"verb": verb, "resource": "secrets", "namespace": ns}}})).unwrap()
    };
    let denied = reviews
        .create(&PostParams::default(), &ask("list", "default"))
        .await
        .unwrap();
    assert!(!denied.status.unwrap().allowed);
    let allowed = reviews
        .create(&PostParams::default(), &ask("get", "default"))
        .await
        .unwrap();
    assert!(allowed.status.unwrap().allowed);
}

#[tokio::test]
async fn unknown_tokens_and_anonymous_requests_are_refused() {
    let srv = FakeApiServer::start().await;
    let bad = srv.client_with_token("wrong");
    let e = Api::<ConfigMap>::namespaced(bad, "default")
        .list(&Default::default())
        .await
        .unwrap_err();
    assert!(matches!(e, kube::Error::Api(s) if s.code == 401));
    let r = crate::http()
        .get(format!("{}/api/v1/namespaces", srv.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    let r = crate::http()
        .get(format!("{}/version", srv.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
}

#[tokio::test]
async fn command_gets_a_sanitised_environment() {
    let srv = FakeApiServer::start().await;
    let out = srv.command("env").env("KUBECTL_FOO", "x").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(&format!("KUBECONFIG={}", srv.kubeconfig_path().display())));
    assert!(text.contains(&format!("HOME={}", srv.home_dir().display())));
    let kubeconfig = std::fs::read_to_string(srv.kubeconfig_path()).unwrap();
    assert!(kubeconfig.contains(srv.url()));
    // The written kubeconfig is readable by kube-rs and reaches the server.
    let kc = kube::config::Kubeconfig::read_from(srv.kubeconfig_path()).unwrap();
    let config = kube::Config::from_custom_kubeconfig(kc, &Default::default())
        .await
        .unwrap();
    assert_eq!(config.default_namespace, "default");
    let client = kube::Client::try_from(config).unwrap();
    client.apiserver_version().await.unwrap();

    // Several contexts.
    srv.add_token("dev-token", "dev", &[]);
    let path = srv.temp_dir().join("multi");
    srv.kubeconfig_builder()
        .user("dev", "dev-token")
        .context("dev", "testbed", "dev", Some("team-a"))
        .current_context("dev")
        .write(&path)
        .unwrap();
    let kc = kube::config::Kubeconfig::read_from(&path).unwrap();
    let config = kube::Config::from_custom_kubeconfig(kc, &Default::default())
        .await
        .unwrap();
    assert_eq!(config.default_namespace, "team-a");
}
