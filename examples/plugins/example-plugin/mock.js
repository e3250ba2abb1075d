// A loopback mock of Example TV for the plugin's contract tests and demos: device code, token (device
// grant and refresh with rotation) and /me. Approves every device code on its second poll.
'use strict';

const { createServer } = require('node:http');
const { randomBytes } = require('node:crypto');

/**
 * Starts the mock on 127.0.0.1. Resolves with its URL, the credentials it accepts and `close()`.
 * @param {{ clientId?: string, clientSecret?: string }} [options]
 */
function startExampleMock(options = {}) {
  const clientId = options.clientId || randomBytes(16).toString('hex');
  const clientSecret = options.clientSecret || randomBytes(32).toString('hex');
  const devices = new Map();
  const accessTokens = new Set();
  const refreshTokens = new Set();
  const issue = () => {
    const tokens = { access_token: randomBytes(24).toString('hex'), refresh_token: randomBytes(24).toString('hex'), token_type: 'Bearer', expires_in: 3600 };
    accessTokens.add(tokens.access_token);
    refreshTokens.add(tokens.refresh_token);
    return tokens;
  };
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const send = (status, body) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      let body = {};
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        return send(400, { error: 'invalid_request' });
      }
      const url = `http://${request.headers.host}`;
      if (request.method === 'POST' && request.url === '/device/code') {
        if (body.client_id !== clientId) return send(401, { error: 'invalid_client' });
        const device = { code: randomBytes(16).toString('hex'), user: randomBytes(4).toString('hex').toUpperCase(), polls: 0 };
        devices.set(device.code, device);
        return send(200, { device_code: device.code, user_code: device.user, verification_uri: `${url}/activate`, expires_in: 600, interval: 0 });
      }
      if (request.method === 'POST' && request.url === '/token') {
        if (body.client_id !== clientId || body.client_secret !== clientSecret) return send(401, { error: 'invalid_client' });
        if (body.grant_type === 'refresh_token') {
          if (!refreshTokens.delete(body.refresh_token)) return send(400, { error: 'invalid_grant' });
          return send(200, issue());
        }
        const device = devices.get(body.device_code);
        if (!device) return send(400, { error: 'invalid_grant' });
        if (++device.polls < 2) return send(400, { error: 'authorization_pending' });
        devices.delete(body.device_code);
        return send(200, issue());
      }
      if (request.method === 'GET' && request.url === '/me') {
        const token = String(request.headers.authorization || '').replace(/^Bearer /, '');
        return accessTokens.has(token) ? send(200, { name: 'example-user' }) : send(401, { error: 'invalid_token' });
      }
      send(404, { error: 'not_found' });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, clientId, clientSecret, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

module.exports = { startExampleMock };
