/* The API reference: the server's own OpenAPI description (/api/v1/openapi.json, made from the
   modules installed now), shown with Swagger UI, loaded only when the page is opened. Requests
   tried from it run as the signed-in user, like every other screen. */
Tessera.use(1, function (T) {
  "use strict";
  var h = T.h;
  var loaded = null;

  function swaggerUi() {
    if (!loaded) {
      loaded = new Promise(function (resolve, reject) {
        document.head.appendChild(h("link", { rel: "stylesheet", href: "/ui/vendor/swagger-ui.css" }));
        var script = h("script", { src: "/ui/vendor/swagger-ui-bundle.js" });
        script.onload = function () { resolve(window.SwaggerUIBundle); };
        script.onerror = function () { loaded = null; reject(new Error("Swagger UI did not load")); };
        document.head.appendChild(script);
      });
    }
    return loaded;
  }

  function render() {
    var target = h("div", { id: "api-reference", class: "api-reference" });
    T.shell([h("h1", {}, T.language() === "vi" ? "Tài liệu API" : "API reference"),
      h("p", {}, T.language() === "vi"
        ? "Mô tả OpenAPI của máy chủ này, theo các phân hệ đang cài: "
        : "This server's OpenAPI description, from the modules installed now: ",
        h("a", { href: "/api/v1/openapi.json", id: "openapi-link" }, "/api/v1/openapi.json")), target]);
    swaggerUi().then(function (SwaggerUIBundle) {
      SwaggerUIBundle({
        url: "/api/v1/openapi.json",
        domNode: target,
        deepLinking: false,
        docExpansion: "none",
        defaultModelsExpandDepth: 0,
        // the API takes the session cookie from a same-origin script that says so (no form can send this header)
        requestInterceptor: function (request) { request.headers["X-Requested-With"] = "XMLHttpRequest"; return request; }
      });
    }).catch(T.showProblem);
  }

  T.extend("menu", "api", { label: { en: "API reference", vi: "Tài liệu API" }, render: render });
});
