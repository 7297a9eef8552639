// The product's Babel config (babel-preset-taro), unchanged.
module.exports = require('../../babel.config.js');
