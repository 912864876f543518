// Starts the interactive app's circuit over WebSockets without the negotiate round trip: behind a load balancer
// without sticky sessions, negotiate and connect can reach different instances (docs/adr/0004).
//
// When the connection drops, the page tries to rejoin its circuit at once and then every second. If the circuit is
// gone (its instance stopped or died), the server says so at the first attempt that reaches another instance; the page
// then keeps what the user had typed but not yet saved (sessionStorage, this tab only) and loads itself again: the
// browser keeps the scroll position, and AutosaveText takes the kept text back (sakraStader.takeDraft). Text not yet
// saved is kept the same way whenever the page is left (a reload, a closed tab).
(function () {
    var reloading = false;
    // Per page, by its path when the text is kept or taken: the app moves between pages without loading this file again.
    function draftsKey() {
        return 'sakrastader-utkast:' + location.pathname;
    }

    // Registered before Blazor's own beforeunload listener (NavigationLock's "leave the page?"): a reload after a lost
    // circuit has already kept the unsaved text, so it must not be held back by a question the user cannot answer usefully.
    window.addEventListener('beforeunload', function (event) {
        if (reloading) {
            event.stopImmediatePropagation();
        }
    });

    function storedDrafts() {
        try {
            return JSON.parse(sessionStorage.getItem(draftsKey()) || '{}') || {};
        } catch (e) {
            return {};
        }
    }

    // Added to what is kept already: a draft of a part not yet opened on this page since the last move is not on the
    // page, and must survive another move.
    function keepDrafts() {
        var drafts = storedDrafts();
        document.querySelectorAll('.autosave[data-unsaved="true"]').forEach(function (field) {
            var input = field.querySelector('textarea, input');
            if (input && input.id) {
                drafts[input.id] = { text: input.value, base: field.dataset.base || '', sending: field.dataset.sending || '' };
            }
        });
        if (Object.keys(drafts).length > 0) {
            sessionStorage.setItem(draftsKey(), JSON.stringify(drafts));
        }
    }

    // Leaving the page with unsaved text (after "leave the page?", a reload, a closed tab): kept the same way.
    window.addEventListener('pagehide', keepDrafts);

    // Where the user was: the field they were in and how far down the screen it stood. The browser's own restoring of
    // the scroll position counts pixels, and the page that loads again can be laid out differently above the field
    // until its circuit has rendered (seen in the multi-instance test: a phone's field 90 px below the screen).
    function placeKey() {
        return 'sakrastader-plats:' + location.pathname + location.search;
    }

    function keepPlace() {
        var active = document.activeElement;
        if (active && active.id && active.closest('main')) {
            var top = Math.round(active.getBoundingClientRect().top);
            sessionStorage.setItem(placeKey(), JSON.stringify({ id: active.id, top: top }));
            console.info('Säkra städer: platsen hålls, fältet ' + active.id + ' ' + top + ' px från skärmens överkant');
        }
    }

    // The field back where it stood on the screen. The page grows as it comes to life (a long text's field grows to
    // its text once the circuit runs), so for a few seconds after that the field is put back whenever the page's size
    // changes, until the user scrolls, types or presses.
    var place = (function () {
        try {
            return JSON.parse(sessionStorage.getItem(placeKey()) || 'null');
        } catch (e) {
            return null;
        }
    })();

    function putInPlace() {
        var element = place ? document.getElementById(place.id) : null;
        if (element) {
            window.scrollBy(0, element.getBoundingClientRect().top - place.top);
        }
        return element;
    }

    // Once the page runs over its circuit: in place, the cursor back in the field, and held there while the page settles.
    // The circuit's first render can come before the part that holds the field (a tab opens after it): then the field
    // is waited for, a few seconds at most.
    function takePlace() {
        sessionStorage.removeItem(placeKey());
        var element = document.getElementById(place.id);
        if (element) {
            holdPlace(element);
            return;
        }
        var appear = new MutationObserver(function () {
            var found = document.getElementById(place.id);
            if (found) {
                appear.disconnect();
                clearTimeout(giveUp);
                holdPlace(found);
            }
        });
        var giveUp = setTimeout(function () {
            appear.disconnect();
            place = null;
        }, 5000);
        appear.observe(document.body, { childList: true, subtree: true });
    }

    function holdPlace(element) {
        putInPlace();
        element.focus({ preventScroll: true });
        console.info('Säkra städer: tillbaka på platsen, fältet ' + place.id);
        var watch = new ResizeObserver(putInPlace);
        var events = ['wheel', 'touchstart', 'keydown', 'mousedown'];
        function done() {
            watch.disconnect();
            place = null;
            events.forEach(function (name) { window.removeEventListener(name, done, true); });
        }
        watch.observe(document.body);
        watch.observe(element);
        events.forEach(function (name) { window.addEventListener(name, done, true); });
        setTimeout(done, 3000);
    }

    function reload() {
        console.info('Säkra städer: sidan laddas om');
        keepDrafts();
        keepPlace();
        reloading = true;
        location.reload();
    }

    window.sakraStader = {
        // The instance is stopping (a restart, a deployment) and asks its pages to move (Infrastructure/HandOver.cs):
        // the unsaved text is kept in the tab and the page loads again, from another instance.
        handOver: function () {
            console.info('Säkra städer: instansen stängs, sidan flyttar');
            setTimeout(reload, 50); // after the call's answer has gone back
        },
        // The ids of the fields with kept text on this page: a page opens the parts that hold them.
        draftIds: function () {
            return Object.keys(storedDrafts());
        },
        // The text kept for the field with this id on this page ({ text, base }), once; null if none.
        takeDraft: function (id) {
            var stored = sessionStorage.getItem(draftsKey());
            if (!stored) {
                return null;
            }
            var drafts = JSON.parse(stored);
            var text = Object.prototype.hasOwnProperty.call(drafts, id) ? drafts[id] : null;
            delete drafts[id];
            if (Object.keys(drafts).length > 0) {
                sessionStorage.setItem(draftsKey(), JSON.stringify(drafts));
            } else {
                sessionStorage.removeItem(draftsKey());
            }
            return text;
        },
    };

    var modal = document.getElementById('components-reconnect-modal');
    var showTimer = null;
    var stuckTimer = null;

    // A lost connection normally ends within a second or two: it comes back, or another instance says the circuit is
    // gone and the page loads again. Should neither happen while the app answers plain requests (an attempt that hangs
    // somewhere between the browser and the instances), the page loads again rather than wait for the next attempt.
    function watchForStuck() {
        clearTimeout(stuckTimer);
        stuckTimer = setTimeout(function () {
            fetch('health/live', { cache: 'no-store' }).then(function (response) {
                if (response.ok && !reloading && modal && modal.dataset.state !== 'hide') {
                    console.info('Säkra städer: anslutningen kom inte tillbaka, men appen svarar');
                    reload();
                }
            }, function () { /* no server yet: the attempts go on */ });
        }, 5000);
    }

    // The circuit is gone (its instance stopped): the app keeps no circuit state to resume from (what matters is saved
    // as the user goes), so the page loads again at once, from whichever instance is up.
    function resumeOrReload() {
        reload();
    }

    async function retry() {
        try {
            if (!await Blazor.reconnect()) {
                await resumeOrReload();
            }
        } catch (e) {
            // Still no server: the next visibility change or press tries again.
        }
    }

    if (modal) {
        modal.addEventListener('components-reconnect-state-changed', function (event) {
            var state = event.detail.state;
            console.info('Säkra städer: anslutningen ' + state);
            modal.dataset.state = state;
            if (state === 'show') {
                watchForStuck();
                // A lost circuit usually comes back (or reloads) within a second: no flash of the dialog for that.
                clearTimeout(showTimer);
                showTimer = setTimeout(function () { if (!modal.open) { modal.showModal(); } }, 1000);
            } else if (state === 'hide') {
                clearTimeout(showTimer);
                clearTimeout(stuckTimer);
                if (modal.open) {
                    modal.close();
                }
            } else if (state === 'rejected' || state === 'paused' || state === 'resume-failed') {
                resumeOrReload();
            } else if (state === 'failed') {
                clearTimeout(showTimer);
                clearTimeout(stuckTimer);
                if (!modal.open) {
                    modal.showModal();
                }
                document.addEventListener('visibilitychange', function () {
                    if (document.visibilityState === 'visible') {
                        retry();
                    }
                }, { once: true });
            }
        });
        document.getElementById('components-reconnect-button').addEventListener('click', retry);
    }

    // A link followed while the page is shown but its circuit has not yet rendered it (a second or two on a slow
    // line) could be lost between Blazor's navigation and the circuit's first render: until the page runs over its
    // circuit (AppLayout's main[data-interactive=true]), a link to another page of the app loads that page plainly.
    document.addEventListener('click', function (event) {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey
            || document.querySelector('main[data-interactive="true"]')) {
            return;
        }
        var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
        if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) {
            return;
        }
        var url = new URL(link.href, location.href);
        if (url.origin !== location.origin || (url.pathname === location.pathname && url.search === location.search)) {
            return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        location.assign(url.href);
    }, true);

    // Until the page runs over its circuit (a second or two after it is shown, longer after an instance died), its
    // forms are the server's first render: a press on "Spara" would post the form to a page that only answers over the
    // circuit (the browser showed a bare error page), and the circuit's first render replaces the fields, typed text
    // and all. So a form sent too early is held with a word about why, and text typed meanwhile is put back into the
    // same fields (found by their label) once the circuit has rendered them.
    var earlyText = new Map();
    var earlyFocus = null;
    var waitNote = null;

    function prerendered(element) {
        var main = element instanceof Element ? element.closest('main[data-interactive]') : null;
        return main !== null && main.dataset.interactive === 'false';
    }

    function fieldKey(input) {
        var label = input.labels && input.labels.length > 0 ? input.labels[0].textContent : input.getAttribute('aria-label');
        return label ? label.trim() : null;
    }

    function keepsText(input) {
        return input instanceof HTMLTextAreaElement
            || (input instanceof HTMLInputElement && ['text', 'search', 'email', 'tel', 'url', 'number'].indexOf(input.type) >= 0);
    }

    document.addEventListener('input', function (event) {
        var input = event.target;
        if (keepsText(input) && prerendered(input)) {
            var key = fieldKey(input);
            if (key) {
                earlyText.set(key, { text: input.value, first: input.defaultValue });
                earlyFocus = key;
            }
            // The label moves up out of the text, as the circuit's field would do (else it is drawn over the text once
            // the field is left).
            var box = input.closest('.mud-input');
            if (box) {
                box.classList.toggle('mud-shrink', input.value !== '');
            }
        }
    }, true);

    // Likewise while the connection is lost or the page is loading again: Blazor can no longer take the form, and the
    // browser would post it (a bare 400 page, seen in the multi-instance test).
    function disconnected() {
        return reloading || (modal !== null && modal.dataset.state !== undefined && modal.dataset.state !== 'hide');
    }

    document.addEventListener('submit', function (event) {
        if (!prerendered(event.target) && !disconnected()) {
            return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        if (!waitNote) {
            waitNote = document.createElement('div');
            waitNote.className = 'connecting-note';
            waitNote.setAttribute('role', 'status');
            document.body.appendChild(waitNote);
        }
        waitNote.textContent = 'Sidan ansluter. Det du har skrivit finns kvar; tryck igen om ett ögonblick.';
    }, true);

    var live = new MutationObserver(function () {
        if (!document.querySelector('main[data-interactive="true"]')) {
            return;
        }
        live.disconnect();
        if (place) {
            takePlace();
        }
        if (waitNote) {
            waitNote.remove();
            waitNote = null;
        }
        if (earlyText.size === 0) {
            return;
        }
        document.querySelectorAll('main textarea, main input').forEach(function (input) {
            var key = keepsText(input) ? fieldKey(input) : null;
            var early = key ? earlyText.get(key) : null;
            // Only into a field that still shows what the first render showed (not one a kept draft has filled).
            if (early && input.value === early.first && early.text !== early.first) {
                input.value = early.text;
                input.dispatchEvent(new Event('input', { bubbles: true }));
                input.dispatchEvent(new Event('change', { bubbles: true }));
                if (key === earlyFocus) {
                    input.focus();
                }
            }
        });
        earlyText.clear();
    });
    // The server's first render: the field is put in its place at once, and again after the browser's own restoring of
    // the scroll position (at load).
    putInPlace();
    window.addEventListener('load', function () {
        setTimeout(putInPlace, 0);
    });
    live.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-interactive'] });

    Blazor.start({
        circuit: {
            configureSignalR: function (builder) {
                builder.withUrl('_blazor', { skipNegotiation: true, transport: 1 });
            },
            reconnectionOptions: {
                maxRetries: 120,
                // At once, then four times a second for two seconds, then every two seconds (about four minutes in all).
                retryIntervalMilliseconds: function (previousAttempts) {
                    return previousAttempts === 0 ? 0 : previousAttempts < 8 ? 250 : 2000;
                },
            },
        },
    });
})();
