// Starts the interactive app's circuit over WebSockets without the negotiate round trip: behind a load balancer
// without sticky sessions, negotiate and connect can reach different instances (docs/adr/0004).
(function () {
    Blazor.start({
        circuit: {
            configureSignalR: function (builder) {
                builder.withUrl('_blazor', { skipNegotiation: true, transport: 1 });
            },
        },
    });
})();
