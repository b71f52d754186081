"""Web Push: the port for sending one message to one browser subscription, and its adapter."""
