//! `$ref` cycles between aliases: reported as problems, never a stack overflow (each such test
//! runs in a child process, so an overflow fails it instead of aborting the run).

use crate::common::{api, emitted, pointers, problems, squash, try_resolve};

/// Runs `check` in a child process (this test binary, filtered to `test_name`), so a stack
/// overflow fails the test instead of aborting the whole test run.
fn in_child_process(test_name: &str, check: impl FnOnce()) {
    const CHILD: &str = "CODEGEN_RESOLVE_TEST_CHILD";
    if std::env::var_os(CHILD).is_some() {
        check();
        return;
    }
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            test_name,
            "--exact",
            "--include-ignored",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "child process failed ({}):\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn alias_ref_cycle_is_a_problem_not_a_stack_overflow() {
    in_child_process(
        "recursion::alias_ref_cycle_is_a_problem_not_a_stack_overflow",
        || {
            let problems = problems(
                r##"
components:
  schemas:
    A:
      $ref: '#/components/schemas/B'
    B:
      $ref: '#/components/schemas/A'
    C:
      type: object
      properties:
        x:
          type: string
    U:
      oneOf:
        - $ref: '#/components/schemas/A'
        - $ref: '#/components/schemas/C'
"##,
            );
            assert!(
                pointers(&problems)
                    .iter()
                    .any(|p| *p == "#/components/schemas/A" || *p == "#/components/schemas/B"),
                "{problems:#?}"
            );
        },
    );
}

#[test]
fn self_referencing_alias_is_a_problem() {
    let result = try_resolve(
        r##"
components:
  schemas:
    A:
      $ref: '#/components/schemas/A'
"##,
    );
    match result {
        Err(problems) => assert_eq!(pointers(&problems), ["#/components/schemas/A"]),
        Ok(api) => panic!(
            "resolved to a cyclic alias:\n{}",
            emitted(&api, "models.rs")
        ),
    }
}

/// The models file of `body`, without whitespace.
fn models(body: &str) -> String {
    squash(&emitted(&api(body), "models.rs"))
}

#[test]
fn a_list_or_map_of_itself_is_a_newtype_not_a_cyclic_alias() {
    let models = models(
        r##"
components:
  schemas:
    Tree:
      type: array
      items:
        $ref: '#/components/schemas/Tree'
    Map:
      type: object
      additionalProperties:
        $ref: '#/components/schemas/Map'
"##,
    );
    for item in [
        "pubstructTree(pub::std::vec::Vec<Tree>);",
        "pubstructMap(pub::std::collections::BTreeMap<::std::string::String,Map>);",
    ] {
        assert!(models.contains(item), "{item} missing from:\n{models}");
    }
    assert!(!models.contains("pubtypeTree"), "{models}");
    assert!(!models.contains("pubtypeMap"), "{models}");
    let derives = "#[derive(Debug,Clone,Default,PartialEq,::serde::Serialize,::serde::Deserialize)]#[serde(transparent)]";
    assert_eq!(models.matches(derives).count(), 2, "{models}");
}

#[test]
fn mutually_recursive_lists_and_maps_are_newtypes() {
    let models = models(
        r##"
components:
  schemas:
    A:
      type: array
      items:
        $ref: '#/components/schemas/B'
    B:
      type: object
      additionalProperties:
        $ref: '#/components/schemas/A'
"##,
    );
    assert!(
        models.contains("pubstructA(pub::std::vec::Vec<B>);"),
        "{models}"
    );
    assert!(
        models.contains("pubstructB(pub::std::collections::BTreeMap<::std::string::String,A>);"),
        "{models}"
    );
}

#[test]
fn recursion_through_a_nullable_or_an_inline_wrapper_is_a_newtype() {
    let models = models(
        r##"
components:
  schemas:
    Nullable:
      type: array
      nullable: true
      items:
        $ref: '#/components/schemas/Nullable'
    Wrapped:
      type: array
      items:
        allOf:
          - $ref: '#/components/schemas/Wrapped'
    Nested:
      type: object
      additionalProperties:
        type: array
        items:
          nullable: true
          allOf:
            - $ref: '#/components/schemas/Nested'
    Forest:
      allOf:
        - $ref: '#/components/schemas/Trees'
    Trees:
      type: array
      items:
        $ref: '#/components/schemas/Forest'
"##,
    );
    for item in [
        "pubstructNullable(pub::std::vec::Vec<Nullable>);",
        "pubstructWrapped(pub::std::vec::Vec<Wrapped>);",
        // (prettyplease may break the long line, leaving a trailing comma: not matched)
        "pubstructNested(pub::std::collections::BTreeMap<::std::string::String,::std::vec::Vec<Nested>>",
        "pubstructTrees(pub::std::vec::Vec<Forest>);",
        // The plain alias in the cycle stays an alias: the newtype breaks the cycle.
        "pubtypeForest=Trees;",
    ] {
        assert!(models.contains(item), "{item} missing from:\n{models}");
    }
}

#[test]
fn a_list_alias_that_does_not_recurse_stays_an_alias() {
    let models = models(
        r##"
components:
  schemas:
    Names:
      type: array
      items:
        type: string
    Node:
      type: object
      properties:
        children:
          $ref: '#/components/schemas/Nodes'
    Nodes:
      type: array
      items:
        $ref: '#/components/schemas/Node'
    Tree:
      type: array
      items:
        $ref: '#/components/schemas/Tree'
    Forest:
      $ref: '#/components/schemas/Tree'
"##,
    );
    for item in [
        "pubtypeNames=::std::vec::Vec<::std::string::String>;",
        // A cycle through a struct needs no newtype: the struct is a type of its own.
        "pubtypeNodes=::std::vec::Vec<Node>;",
        "pubtypeForest=Tree;",
    ] {
        assert!(models.contains(item), "{item} missing from:\n{models}");
    }
}

#[test]
fn all_of_itself_is_a_located_problem() {
    let problems = problems(
        r##"
components:
  schemas:
    A:
      allOf:
        - $ref: '#/components/schemas/A'
"##,
    );
    assert_eq!(
        pointers(&problems),
        ["#/components/schemas/A"],
        "{problems:#?}"
    );
    let message = &problems[0].message;
    assert!(
        message.contains("leads back to itself")
            && message.contains("expected one of these schemas to define a type"),
        "{message}"
    );
}

#[test]
fn schemas_aliasing_each_other_through_all_of_are_located_problems() {
    let problems = problems(
        r##"
components:
  schemas:
    A:
      allOf:
        - $ref: '#/components/schemas/B'
    B:
      description: B is A.
      allOf:
        - $ref: '#/components/schemas/C'
    C:
      $ref: '#/components/schemas/A'
    D:
      type: object
      properties:
        a:
          $ref: '#/components/schemas/A'
"##,
    );
    assert_eq!(
        pointers(&problems),
        [
            "#/components/schemas/A",
            "#/components/schemas/B",
            "#/components/schemas/C"
        ],
        "{problems:#?}"
    );
    assert!(
        problems[0].message.contains("`A` → `B` → `C` → `A`"),
        "{problems:#?}"
    );
}

#[test]
fn a_long_alias_cycle_is_reported_in_linear_time_and_size() {
    let n = 20_000;
    let mut body = String::from("components:\n  schemas:\n");
    for i in 0..n {
        let next = (i + 1) % n;
        body.push_str(&format!(
            "    S{i}:\n      allOf:\n        - $ref: '#/components/schemas/S{next}'\n"
        ));
    }
    let started = std::time::Instant::now();
    let problems = problems(&body);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    assert_eq!(problems.len(), n);
    let size: usize = problems.iter().map(|p| p.message.len()).sum();
    assert!(size < n * 400, "{size} bytes of messages");
    let first = &problems[0].message;
    assert!(
        first.contains("`S0` → `S1` →") && first.contains("20000 schemas"),
        "{first}"
    );
}
