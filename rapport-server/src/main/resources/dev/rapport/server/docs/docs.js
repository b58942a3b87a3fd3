// The reference page: Swagger UI on this server's own document. No validator badge: that would ask
// another site to fetch the document.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#api',
    deepLinking: true,
    validatorUrl: null,
  });
});
