import { caller, signIn, signOut } from "../api.js";
import { h } from "../dom.js";

/** Sign-in with a bearer token: kept in this tab's sessionStorage only. */
export function signInPage(done) {
  const field = h("textarea", {
    id: "token",
    name: "token",
    rows: 4,
    required: true,
    autocomplete: "off",
    placeholder: "eyJ…",
  });
  const error = h("p", { role: "alert" });
  return h(
    "article",
    null,
    h("h1", null, "Sign in"),
    h(
      "p",
      null,
      "Paste a bearer token. The run command prints a sign-in link for the development admin; ",
      "with your own identity provider, use a token it issued for Annals.",
    ),
    h(
      "form",
      {
        onsubmit: (event) => {
          event.preventDefault();
          signIn(field.value);
          if (!caller()) {
            signOut();
            error.textContent = "That is not a JSON Web Token.";
            return;
          }
          done();
        },
      },
      h("label", { for: "token" }, "Token", field),
      error,
      h("button", { type: "submit" }, "Sign in"),
    ),
  );
}
