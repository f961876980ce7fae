//! `$ref` cycles between aliases: reported as problems, never a stack overflow (each such test
//! runs in a child process, so an overflow fails it instead of aborting the run).

use crate::common::{emitted, pointers, problems, try_resolve};

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
