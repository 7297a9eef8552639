// CSS (and lottie players) do nothing under jsdom.
module.exports = {};
