// Confirmation before a consequential POST, without inline handlers (the Content-Security-Policy
// allows no onsubmit=/onclick=): <form data-konfirmasi="Question?"> asks before it is sent, and so
// does a submit button with data-konfirmasi (for the form it submits). Without JavaScript the
// form is sent as is — the server-side checks still hold.
(function () {
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var tombol = e.submitter;
    var tanya = (tombol && tombol.getAttribute("data-konfirmasi")) || form.getAttribute("data-konfirmasi");
    if (tanya && !window.confirm(tanya)) e.preventDefault();
  });
  // <a data-kembali href="fallback">: back in the history when there is one, else the link
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-kembali]");
    if (a && window.history.length > 1) {
      e.preventDefault();
      window.history.back();
    }
  });
})();
