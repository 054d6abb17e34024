#!/usr/bin/env node
'use strict';
const { join } = require('node:path');

require('./code-cache.js').install(join(__dirname, '..', 'dist'));
require('../dist/main.js')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
