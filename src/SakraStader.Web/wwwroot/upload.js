// Progressive enhancement for forms marked data-upload-progress: send the file with XMLHttpRequest so that the
// <progress> element can show how much is uploaded. Without this script the form posts as usual.
(function () {
    document.querySelectorAll("form[data-upload-progress]").forEach(function (form) {
        var progress = form.querySelector("progress");
        form.addEventListener("submit", function (event) {
            if (!window.FormData || !progress) { return; }
            event.preventDefault();
            var request = new XMLHttpRequest();
            request.open("POST", form.getAttribute("action") || window.location.href);
            progress.hidden = false;
            form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
            request.upload.addEventListener("progress", function (e) {
                if (e.lengthComputable) { progress.value = Math.round(100 * e.loaded / e.total); }
            });
            request.upload.addEventListener("load", function () { progress.removeAttribute("value"); }); // checking the rows
            request.addEventListener("load", function () {
                if (request.responseURL && request.responseURL !== window.location.href) {
                    window.location.assign(request.responseURL);
                } else {
                    document.open();
                    document.write(request.responseText);
                    document.close();
                }
            });
            request.addEventListener("error", function () { form.submit(); });
            request.send(new FormData(form));
        });
    });
})();
