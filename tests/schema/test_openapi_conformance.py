"""The OpenAPI document against the app itself: schemathesis sends generated requests to every
operation, signed in, and checks that each answer's status, content type and body are the ones
the document lists. Bounded and derandomized: the same requests on every run."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from functions.auth.sessions import COOKIE
from tests.api.conftest import Auth, make_app
from tests.conftest import Clock

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
# Valid requests and ones with a field wrong: both must be answered as documented.
MODES = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
EXAMPLES = 15  # per operation and role, modes mixed: under a minute on a busy 2-core machine
BOUNDED = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                   suppress_health_check=list(HealthCheck))  # a busy machine is slow, not wrong


IDENTITY = {"Accept-Encoding": "identity"}


def _fuzz(operation, cookie: str) -> None:
    # Public operations go without the session: signing out must not end it for the rest.
    public = operation.definition.raw.get("security") == []
    cookies = {} if public else {COOKIE: cookie}

    @BOUNDED
    # identity: the embedded app gzips JSON over 1 KB for clients that accept it, and the
    # WSGI transport hands schemathesis the bytes undecoded (a big 422 failed to parse).
    @given(st.one_of([operation.as_strategy(mode, cookies=cookies, headers=IDENTITY)
                      for mode in MODES]))
    def run(case):
        case.call_and_validate(checks=CHECKS)

    run()


# The least privileged (most tools answer 403) and HR (most tools answer, and write).
@pytest.mark.parametrize("email", ["employee@example.com", "hr@example.com"])
def test_every_answer_is_one_the_document_lists(email, tmp_path):
    app = make_app(tmp_path, Clock())  # its own app: nothing shared with other tests
    client = app.test_client()
    Auth(client).sign_in(email)
    cookie = client.get_cookie(COOKIE).value
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)

    failures = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        try:
            _fuzz(operation, cookie)
        except (Failure, BaseExceptionGroup) as failure:  # go on: report every operation's
            failures[operation.label] = failure
    assert not failures, "\n\n".join(f"{label}:\n{failure}"
                                     for label, failure in failures.items())
