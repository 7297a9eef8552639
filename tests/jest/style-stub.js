// CSS (and lottie players, and images) do nothing under jsdom.
module.exports = {};
